package engawa.portal.slo.ui;

import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.UploadEvent;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.ui.Card;
import engawa.portal.shared.ui.FormErrors;
import engawa.portal.shared.ui.Formats;
import engawa.portal.slo.MeasurementCheck;
import engawa.portal.slo.MeasurementCsv;
import engawa.portal.slo.SliceInput;
import engawa.portal.slo.Slo;
import engawa.portal.catalog.ServiceDirectory;
import engawa.portal.slo.SloService;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One SLO: its state for anyone, and for its owners where its data comes from (the last
 * Prometheus read and its error) and a spreadsheet upload with a preview before anything is saved.
 */
@Route("slos/:id")
@PermitAll
public class SloView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    static final int MAX_UPLOAD = 8 * 1024 * 1024;

    private final SloService slos;
    private final ServiceDirectory catalog;
    private String title = "";
    private long id;
    private List<SliceInput> pending;
    private final Div preview = new Div();
    private Upload upload;

    SloView(SloService slos, ServiceDirectory catalog) {
        this.slos = slos;
        this.catalog = catalog;
        addClassName("page");
        addClassName("slo-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            render();
        } catch (NumberFormatException e) {
            notFound();
        } catch (UserFacingException e) {
            if (e.kind() != UserFacingException.Kind.NOT_FOUND) {
                throw e;
            }
            notFound();
        }
    }

    /** Where to look next when the budget burns: the service's logs and error tracking. */
    private java.util.Optional<Paragraph> lookCloser(String service) {
        var links = catalog.troubleshootingLinks(service);
        Paragraph closer = new Paragraph(new Span(getTranslation("slo.lookCloser") + " "));
        closer.setId("slo-look-closer");
        links.forEach((key, url) -> {
            Anchor link = new Anchor(url, getTranslation("catalog.ops." + key));
            link.setTarget(com.vaadin.flow.component.html.AnchorTarget.BLANK);
            link.getElement().setAttribute("rel", "noopener noreferrer");
            closer.add(link, new Span(" "));
        });
        boolean any = !links.isEmpty();
        return any ? java.util.Optional.of(closer) : java.util.Optional.empty();
    }

    private void notFound() {
        removeAll();
        title = getTranslation("slo.notFound.title");
        add(new H1(title), new Paragraph(getTranslation("slo.notFound.text")),
                new RouterLink(getTranslation("slo.overview.back"), SloOverviewView.class));
    }

    private void render() {
        removeAll();
        Slo slo = slos.get(id);
        title = slo.title();
        String service = slo.row().serviceName();
        Anchor back = new Anchor("services/" + service, getTranslation("slo.backToService",
                slo.row().serviceTitle() != null ? slo.row().serviceTitle() : service));
        H1 heading = new H1(slo.title());
        heading.setId("slo-title");
        Div header = new Div(new Div(back, heading));
        header.addClassName("slo-header");
        if (slo.mayEdit()) {
            Button edit = new Button(getTranslation("slo.edit"), VaadinIcon.EDIT.create(),
                    e -> UI.getCurrent().navigate(SloEditView.class, new RouteParameters("id", String.valueOf(id))));
            edit.setId("slo-edit");
            Button delete = new Button(getTranslation("slo.delete"), VaadinIcon.TRASH.create(), e -> confirmDelete(slo));
            delete.setId("slo-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            Div actions = new Div(edit, delete);
            actions.addClassName("slo-actions");
            header.add(actions);
        }
        add(header);
        if (slo.row().values().description() != null) {
            add(new Paragraph(slo.row().values().description()));
        }
        add(new SloPanel(slo, slos.history(slo), false));
        lookCloser(service).ifPresent(this::add);
        String policy = slos.policy(service).orElse(null);
        Paragraph policyText = new Paragraph(policy != null ? policy : getTranslation("slo.policy.none"));
        policyText.setId("slo-policy-text");
        policyText.addClassName(policy != null ? "slo-policy-text" : "missing-text");
        add(new Card(getTranslation("slo.policy.title"), policyText));
        if (slo.mayEdit()) {
            add(source(slo));
        }
    }

    /** Where the data comes from; owners see the last Prometheus read, or send a spreadsheet. */
    private Card source(Slo slo) {
        var values = slo.row().values();
        Card card = new Card(getTranslation("slo.source.title"));
        card.setId("slo-source");
        if (values.pulled()) {
            card.add(new Paragraph(getTranslation("slo.source.prometheus")));
            UnorderedList queries = new UnorderedList(new ListItem(new Span(getTranslation("slo.source.good")), code(values.goodQuery())),
                    new ListItem(new Span(getTranslation("slo.source.total")), code(values.totalQuery())));
            queries.addClassName("slo-queries");
            card.add(queries);
            Paragraph last = new Paragraph(slo.row().pulledAt() == null ? getTranslation("slo.source.notYet")
                    : getTranslation("slo.source.last", Formats.dateTime(slo.row().pulledAt())));
            last.setId("slo-pulled");
            card.add(last);
            if (slo.row().pullError() != null) {
                Paragraph error = new Paragraph(getTranslation("slo.source.error", slo.row().pullError()));
                error.setId("slo-pull-error");
                error.addClassName("error-text");
                card.add(error);
            }
        } else {
            card.add(new Paragraph(getTranslation("slo.source.push", "/api/v1/slos/" + slo.id() + "/measurements")));
        }
        card.add(new H3(getTranslation("slo.upload.title")), new Paragraph(getTranslation("slo.upload.intro")));
        Span example = new Span("start,end,good,total\n2026-12-01T10:00:00Z,2026-12-01T10:05:00Z,9981,10000");
        example.addClassName("csv-example");
        card.add(example);
        upload = new Upload(this::receive);
        upload.setId("slo-upload");
        upload.setMaxFileSize(MAX_UPLOAD);
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.setDropLabel(new Span(getTranslation("slo.upload.drop")));
        upload.setUploadButton(new Button(getTranslation("slo.upload.choose"), VaadinIcon.FILE_ADD.create()));
        upload.addFileRejectedListener(e -> FormErrors.notifyError(getTranslation("slo.upload.rejected", MAX_UPLOAD / 1024 / 1024)));
        preview.setId("slo-upload-preview");
        preview.removeAll();
        card.add(upload, preview);
        return card;
    }

    private static Span code(String text) {
        Span code = new Span(text);
        code.addClassName("code");
        return code;
    }

    private void receive(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        byte[] bytes;
        try (InputStream in = event.getInputStream()) {
            bytes = in.readNBytes(MAX_UPLOAD + 1);
        }
        if (bytes.length > MAX_UPLOAD) {
            event.reject(ui.getTranslation("slo.upload.rejected", MAX_UPLOAD / 1024 / 1024));
            return;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        ui.access(() -> {
            // one file at a time: the next upload replaces what this one showed
            upload.clearFileList();
            showPreview(text);
        });
    }

    private void showPreview(String text) {
        preview.removeAll();
        pending = null;
        try {
            List<SliceInput> rows = MeasurementCsv.parse(text);
            MeasurementCheck check = slos.check(id, rows);
            if (!check.ok()) {
                problems(check.problems().stream().map(p -> p.messageIn(UI.getCurrent().getLocale())).toList());
                return;
            }
            pending = rows;
            Paragraph summary = new Paragraph(getTranslation("slo.upload.summary", check.slices().size(),
                    Formats.dateTime(check.from()), Formats.dateTime(check.to()), SloWords.count(check.good()),
                    SloWords.count(check.total()), check.replacing()));
            summary.setId("slo-upload-summary");
            Div table = new Div();
            table.addClassName("slo-preview-table");
            for (String h : List.of("start", "end", "good", "total")) {
                Span cell = new Span(getTranslation("slo.upload.column." + h));
                cell.addClassName("slo-preview-head");
                table.add(cell);
            }
            check.slices().stream().limit(8).forEach(s -> table.add(new Span(Formats.dateTime(s.start())),
                    new Span(Formats.dateTime(s.end())), new Span(SloWords.count(s.good())), new Span(SloWords.count(s.total()))));
            Button save = new Button(getTranslation("slo.upload.save", check.slices().size()), VaadinIcon.CHECK.create(),
                    e -> save());
            save.setId("slo-upload-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button discard = new Button(getTranslation("slo.cancel"), e -> {
                pending = null;
                preview.removeAll();
            });
            preview.add(summary, table);
            if (check.slices().size() > 8) {
                preview.add(new Paragraph(getTranslation("slo.upload.more", check.slices().size() - 8)));
            }
            Div actions = new Div(save, discard);
            actions.addClassName("form-footer");
            preview.add(actions);
        } catch (UserFacingException e) {
            problems(e.fieldProblems().isEmpty() ? List.of(e.messageIn(UI.getCurrent().getLocale()))
                    : e.fieldProblems().stream().map(p -> p.messageIn(UI.getCurrent().getLocale())).toList());
        }
    }

    private void problems(List<String> messages) {
        Paragraph intro = new Paragraph(getTranslation("slo.upload.refused"));
        intro.addClassName("error-text");
        UnorderedList list = new UnorderedList();
        list.setId("slo-upload-problems");
        messages.forEach(m -> list.add(new ListItem(m)));
        preview.add(intro, list);
    }

    private void save() {
        try {
            slos.record(id, pending);
            FormErrors.notifySuccess(getTranslation("slo.upload.saved", pending.size()));
            render();
        } catch (UserFacingException e) {
            preview.removeAll();
            problems(e.fieldProblems().isEmpty() ? List.of(e.messageIn(UI.getCurrent().getLocale()))
                    : e.fieldProblems().stream().map(p -> p.messageIn(UI.getCurrent().getLocale())).toList());
        }
    }

    private void confirmDelete(Slo slo) {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("slo.delete.title", slo.title()),
                getTranslation("slo.delete.text"), getTranslation("slo.delete"), e -> {
                    slos.delete(id);
                    FormErrors.notifySuccess(getTranslation("slo.deleted", slo.title()));
                    UI.getCurrent().navigate("services/" + slo.row().serviceName());
                });
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("slo.cancel"));
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
