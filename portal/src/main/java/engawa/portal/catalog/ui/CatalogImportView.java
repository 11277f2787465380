package engawa.portal.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.UploadEvent;
import engawa.portal.catalog.CatalogImport;
import engawa.portal.catalog.CatalogUploads;
import engawa.portal.catalog.SourceFile;
import engawa.portal.catalog.ImportReport;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.ui.FormErrors;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Backstage catalog files in: upload or paste, see what would change and every document that
 * cannot be taken, then import. Large files run in the background with a progress bar; the import
 * is one transaction, so it is taken whole or not at all.
 */
@Route("catalog/import")
@PermitAll
public class CatalogImportView extends Div implements HasDynamicTitle {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogImportView.class);
    private static final int MAX_FILES = 500;
    /** Pasting is for a few documents; a whole catalog is uploaded as a file or archive. */
    private static final int MAX_PASTED_CHARACTERS = 1024 * 1024;

    private final CatalogImport imports;
    /** By the name it was uploaded as: one file, or what an archive unpacked to. */
    private final Map<String, List<SourceFile>> uploaded = new java.util.concurrent.ConcurrentHashMap<>();
    private final TextArea pasted = new TextArea();
    private final Button preview = new Button();
    private final Button importNow = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final Div progressBox = new Div();
    private final Div report = new Div();
    private boolean running;
    private volatile boolean forgetWhenDone;

    CatalogImportView(CatalogImport imports) {
        this.imports = imports;
        addClassName("page");
        addClassName("catalog-import-view");
        add(new RouterLink(getTranslation("service.back"), CatalogView.class), new H1(getTranslation("import.title")),
                new Paragraph(getTranslation("import.intro")));

        Upload upload = new Upload(this::receive);
        upload.setId("import-upload");
        upload.setMaxFiles(MAX_FILES);
        upload.setMaxFileSize(CatalogImport.MAX_BYTES);
        upload.setAcceptedFileTypes(".yaml", ".yml", ".zip", ".tgz", ".gz", "application/yaml", "text/yaml", "text/plain",
                "application/zip", "application/gzip");
        upload.addFileRejectedListener(e -> FormErrors.notifyError(getTranslation("import.rejected",
                e.getFileName(), CatalogImport.MAX_BYTES / 1024 / 1024)));
        upload.addFileRemovedListener(e -> forget(uploaded.remove(e.getFileName())));
        // what this page unpacked is deleted when it closes; the session's budget gets it back
        addDetachListener(e -> {
            if (running) {
                forgetWhenDone = true; // the import reads them still
            } else {
                uploaded.keySet().forEach(name -> forget(uploaded.remove(name)));
            }
        });
        upload.setDropLabel(new Span(getTranslation("import.drop")));
        upload.setUploadButton(new Button(getTranslation("import.choose"), VaadinIcon.FILE_ADD.create()));

        pasted.setId("import-paste");
        pasted.setLabel(getTranslation("import.paste"));
        pasted.setPlaceholder("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: payments-api\nspec:\n  type: service\n  lifecycle: production\n  owner: payments");
        pasted.setWidthFull();
        pasted.setMaxLength(MAX_PASTED_CHARACTERS);
        pasted.setMinRows(6);
        pasted.setMaxRows(16);
        pasted.addValueChangeListener(e -> {
            report.removeAll();
            importNow.setVisible(false);
        });
        Details paste = new Details(getTranslation("import.pasteInstead"), pasted);
        paste.setId("import-paste-details");

        preview.setText(getTranslation("import.preview"));
        preview.setIcon(VaadinIcon.EYE.create());
        preview.setId("import-preview");
        preview.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        preview.addClickListener(e -> start(true));
        importNow.setText(getTranslation("import.run"));
        importNow.setIcon(VaadinIcon.UPLOAD.create());
        importNow.setId("import-run");
        importNow.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        importNow.addClickListener(e -> start(false));
        importNow.setVisible(false);

        progress.setId("import-progress");
        progressText.setId("import-progress-text");
        progressBox.add(progressText, progress);
        progressBox.addClassName("import-progress");
        progressBox.setVisible(false);
        report.setId("import-report");
        Div actions = new Div(preview, importNow);
        actions.addClassName("form-footer");
        add(upload, paste, actions, progressBox, report);
    }

    /**
     * Keeps an uploaded file, read up to the import limit and no further: the browser refuses
     * larger files before sending, and this holds when something else sends one.
     */
    private void receive(UploadEvent event) throws IOException {
        String name = event.getFileName();
        UI ui = event.getUI();
        if (event.getFileSize() > CatalogImport.MAX_BYTES) {
            String refusal = ui.getTranslation("import.rejected", name, CatalogImport.MAX_BYTES / 1024 / 1024);
            event.reject(refusal);
            ui.access(() -> FormErrors.notifyError(refusal));
            return;
        }
        try (InputStream in = event.getInputStream()) {
            // unpacked to disk, counted against what this browser session may unpack in all
            List<SourceFile> files = CatalogUploads.unpack(name, in, UploadAreas.of(ui.getSession()));
            forget(uploaded.put(name, files));
            ui.access(() -> {
                report.removeAll();
                importNow.setVisible(false);
            });
        } catch (UserFacingException refused) {
            event.reject(refused.messageIn(ui.getLocale()));
            ui.access(() -> FormErrors.notifyError(name + ": " + refused.messageIn(getLocale())));
        }
    }

    private List<SourceFile> files() {
        List<SourceFile> files = new ArrayList<>();
        uploaded.values().forEach(files::addAll);
        if (!pasted.getValue().isBlank()) {
            if (pasted.getValue().length() > MAX_PASTED_CHARACTERS) {
                throw UserFacingException.invalid("import.pastedTooLong", MAX_PASTED_CHARACTERS / 1024);
            }
            files.add(new SourceFile(getTranslation("import.pastedName"), pasted.getValue()));
        }
        return files;
    }

    private void forget(List<SourceFile> files) {
        if (files != null) {
            getUI().map(com.vaadin.flow.component.UI::getSession).or(() -> java.util.Optional.ofNullable(
                    com.vaadin.flow.server.VaadinSession.getCurrent())).ifPresent(s -> UploadAreas.of(s).forget(files));
        }
    }

    /** Runs the import off the request thread, so the page shows its progress, under the person's own rights. */
    private void start(boolean dryRun) {
        List<SourceFile> files;
        try {
            files = files();
        } catch (UserFacingException refused) {
            FormErrors.notifyError(refused.messageIn(getLocale()));
            return;
        }
        if (files.isEmpty()) {
            FormErrors.notifyError(getTranslation("import.nothing"));
            return;
        }
        if (running) {
            return;
        }
        UI ui = UI.getCurrent();
        com.vaadin.flow.server.VaadinSession session = ui.getSession();
        Locale locale = getLocale();
        running = true;
        preview.setEnabled(false);
        importNow.setEnabled(false);
        report.removeAll();
        progressBox.setVisible(true);
        progress.setIndeterminate(true);
        progressText.setText(getTranslation("import.step.READING"));
        ui.setPollInterval(400);
        Runnable work = new DelegatingSecurityContextRunnable(() -> {
            try {
                ImportReport result = imports.run(files, dryRun, (step, done, total) -> show(ui, step, done, total));
                accessIfOpen(ui, () -> finished(result, dryRun));
            } catch (UserFacingException refused) {
                accessIfOpen(ui, () -> failed(refused.messageIn(locale)));
            } catch (RuntimeException error) {
                LOG.error("Catalog import failed", error);
                accessIfOpen(ui, () -> failed(getTranslation("import.failed")));
            } finally {
                if (forgetWhenDone) {
                    UploadAreas.of(session).forget(files);
                }
            }
        });
        Thread.ofVirtual().name("catalog-import").start(work);
    }

    private static void accessIfOpen(UI ui, com.vaadin.flow.server.Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException closed) {
            // nobody is looking any more
        }
    }

    /** The progress, when the page is still open: a closed page must not stop the import. */
    private void show(UI ui, CatalogImport.Step step, int done, int total) {
        try {
            ui.access(() -> {
                progressText.setText(getTranslation("import.step." + step.name()) + (total > 0 ? " " + done + " / " + total : ""));
                progress.setIndeterminate(total == 0);
                if (total > 0) {
                    progress.setValue(Math.min(1.0, done / (double) total));
                }
            });
        } catch (UIDetachedException closed) {
            // the person left the page; the import goes on and its result is in the history
        }
    }

    private void stopped() {
        running = false;
        progressBox.setVisible(false);
        preview.setEnabled(true);
        importNow.setEnabled(true);
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }

    private void failed(String message) {
        stopped();
        Paragraph text = new Paragraph(message);
        text.addClassName("error-text");
        report.add(text);
        FormErrors.notifyError(message);
    }

    private void finished(ImportReport result, boolean dryRun) {
        stopped();
        report.removeAll();
        report.add(new ImportReportView(result));
        importNow.setVisible(dryRun && result.created() + result.updated() > 0);
        if (!dryRun) {
            FormErrors.notifySuccess(getTranslation("import.done", result.created(), result.updated()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.title") + " · " + getTranslation("app.name");
    }
}
