package engawa.portal.catalog.ui;

import engawa.portal.shared.ui.Card;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import engawa.portal.catalog.CatalogEntry;
import engawa.portal.catalog.CatalogService;
import engawa.portal.catalog.ChangeEntry;
import engawa.portal.catalog.EditMerge;
import engawa.portal.catalog.ServiceDraft;
import engawa.portal.catalog.ServiceEditConflict;
import engawa.portal.people.TeamService;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.ui.FormErrors;
import engawa.portal.shared.ui.Formats;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Changing a service in the browser. The edit starts from a version; when someone else saved in
 * between, saving shows what they changed and lets this editor put their own changes on top or
 * take theirs, never overwriting unseen.
 */
@Route("services/:name/edit")
@PermitAll
public class ServiceEditView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private final CatalogService catalog;
    private final ServiceForm form;
    private String name;
    private ServiceDraft base;
    private long version;
    private String title = "";

    ServiceEditView(CatalogService catalog, TeamService teams) {
        this.catalog = catalog;
        this.form = new ServiceForm(this, catalog, teams);
        addClassName("page");
        addClassName("service-edit-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        name = event.getRouteParameters().get("name").orElse("");
        removeAll();
        CatalogEntry entry;
        try {
            entry = catalog.get(name);
        } catch (UserFacingException missing) {
            title = getTranslation("service.missing.title");
            add(new H1(title), new Paragraph(missing.messageIn(getLocale())),
                    new RouterLink(getTranslation("service.back"), CatalogView.class));
            return;
        }
        title = getTranslation("edit.title", entry.displayName());
        if (!catalog.mayEdit(name)) {
            Paragraph refusal = new Paragraph(getTranslation("catalog.edit.notOwner", entry.owner().name()));
            refusal.setId("edit-refused");
            add(new H1(title), refusal, backToService());
            return;
        }
        startFrom(entry);
        add(new H1(title), backToService());
        add(section("edit.section.basics", form.basics()), section("edit.section.ownership", form.ownership()),
                section("edit.section.opsLinks", form.opsLinkFields()), section("edit.section.links", form.otherLinks()),
                section("edit.section.relations", form.relations()), footer());
        form.name.setReadOnly(true);
        form.name.setHelperText(getTranslation("edit.name.fixed"));
    }

    private void startFrom(CatalogEntry entry) {
        base = entry.toDraft();
        version = entry.version();
        form.fill(base);
    }

    private Component backToService() {
        RouterLink back = new RouterLink(getTranslation("edit.back"), ServiceView.class, ServiceView.parameters(name));
        back.addClassName("back-link");
        return back;
    }

    private Component section(String key, Component content) {
        return new Card(getTranslation(key), content);
    }

    private Component footer() {
        Button save = new Button(getTranslation("edit.save"), VaadinIcon.CHECK.create(), e -> save());
        save.setId("service-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> showService());
        cancel.setId("service-cancel");
        Button delete = new Button(getTranslation("edit.delete"), VaadinIcon.TRASH.create(), e -> confirmDelete());
        delete.setId("service-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        Div footer = new Div(save, cancel, delete);
        footer.addClassName("form-footer");
        return footer;
    }

    private void save() {
        try {
            catalog.update(name, version, form.read());
            FormErrors.notifySuccess(getTranslation("edit.saved"));
            showService();
        } catch (ServiceEditConflict conflict) {
            FormErrors.clear(form.fields());
            showConflict(conflict);
        } catch (RuntimeException error) {
            if (!FormErrors.show(this, error, form.fields())) {
                throw error;
            }
        }
    }

    private void showService() {
        getUI().ifPresent(ui -> ui.navigate(ServiceView.class, ServiceView.parameters(name)));
    }

    /** What the others changed, and the two ways on from here. */
    private void showConflict(ServiceEditConflict conflict) {
        ServiceDraft mine = form.read();
        ServiceDraft theirs = conflict.current().toDraft();
        Set<String> both = new LinkedHashSet<>(EditMerge.changedFields(base, mine));
        both.retainAll(conflict.changedFields());

        Dialog dialog = new Dialog();
        dialog.setId("edit-conflict");
        dialog.setHeaderTitle(getTranslation("edit.conflict.title"));
        dialog.setCloseOnOutsideClick(false);
        dialog.setCloseOnEsc(false);
        dialog.add(new Paragraph(conflict.messageIn(getLocale())));
        Div missed = new Div();
        missed.addClassName("missed-changes");
        for (ChangeEntry change : conflict.missed()) {
            Span who = new Span(getTranslation("edit.conflict.who", change.who(), Formats.dateTime(change.at())));
            who.addClassName("change-who");
            missed.add(new Div(who, ServiceHistory.ChangeList.of(this, change.changes())));
        }
        dialog.add(missed);
        if (!both.isEmpty()) {
            Paragraph overlap = new Paragraph(getTranslation("edit.conflict.both",
                    String.join(", ", both.stream().map(f -> CatalogLabels.field(this, f)).toList())));
            overlap.setId("edit-conflict-both");
            overlap.addClassName("warning-text");
            dialog.add(overlap);
        }
        Button onTop = new Button(getTranslation("edit.conflict.mineOnTop"), e -> {
            ServiceDraft merged = EditMerge.mineOnTop(base, mine, theirs);
            startFrom(conflict.current());
            form.fill(merged);
            dialog.close();
            FormErrors.notifySuccess(getTranslation("edit.conflict.mineOnTop.done"));
        });
        onTop.setId("edit-conflict-mine");
        onTop.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button takeTheirs = new Button(getTranslation("edit.conflict.theirs"), e -> {
            startFrom(conflict.current());
            dialog.close();
        });
        takeTheirs.setId("edit-conflict-theirs");
        dialog.getFooter().add(takeTheirs, onTop);
        dialog.setWidth("min(44em, 95vw)");
        dialog.open();
    }

    private void confirmDelete() {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("edit.delete.title", name),
                getTranslation("edit.delete.text"), getTranslation("edit.delete"), ok -> {
                    try {
                        catalog.delete(name, version);
                        FormErrors.notifySuccess(getTranslation("edit.deleted", name));
                        getUI().ifPresent(ui -> ui.navigate(CatalogView.class));
                    } catch (ServiceEditConflict conflict) {
                        showConflict(conflict);
                    } catch (UserFacingException error) {
                        FormErrors.notifyError(error.messageIn(getLocale()));
                    }
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
