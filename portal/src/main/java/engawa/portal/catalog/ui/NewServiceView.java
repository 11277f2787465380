package engawa.portal.catalog.ui;

import engawa.portal.shared.ui.Card;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import engawa.db.catalog.OpsLinkKind;
import engawa.portal.catalog.CatalogEntry;
import engawa.portal.catalog.CatalogService;
import engawa.portal.catalog.ServiceDraft;
import engawa.portal.catalog.TeamLinks;
import engawa.portal.people.TeamService;
import engawa.portal.people.TeamSummary;
import engawa.portal.people.UserAccountService;
import engawa.portal.shared.FieldPaths;
import engawa.portal.shared.UserFacingException;
import engawa.portal.people.ui.CurrentPerson;
import engawa.portal.shared.ui.FormErrors;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The starter kit: a few steps that create a catalog entry with its owner and the team's
 * standard links filled in. Creating it sends {@code service.created}, so a Zapier workflow can
 * make the repository or the chat channel.
 */
@Route("catalog/new")
@PermitAll
public class NewServiceView extends Div implements HasDynamicTitle {

    /** Which step shows a field, so that a refusal opens the step where it can be fixed. */
    private static final List<List<String>> STEP_FIELDS = List.of(
            List.of("name", "title", "type", "description"),
            List.of("owner", "lifecycle", "tier", "system", "tags"),
            List.of("opsLinks", "links", "dependsOn", "providesApis", "consumesApis"),
            List.of());

    private final CatalogService catalog;
    private final TeamLinks teamLinks;
    private final Validator validator;
    private final ServiceForm form;
    private final Div steps = new Div();
    private final Div body = new Div();
    private final Button back = new Button();
    private final Button next = new Button();
    private final Paragraph defaultsNote = new Paragraph();
    private final List<Component> panels;
    /** The links last filled in from the team's defaults, so that a change of team replaces only those. */
    private final Map<OpsLinkKind, String> filledIn = new EnumMap<>(OpsLinkKind.class);
    private int step;

    NewServiceView(CatalogService catalog, TeamService teams, TeamLinks teamLinks, Validator validator,
            UserAccountService users, CurrentPerson person) {
        this.catalog = catalog;
        this.teamLinks = teamLinks;
        this.validator = validator;
        this.form = new ServiceForm(this, catalog, teams);
        addClassName("page");
        addClassName("new-service-view");

        form.type.setValue("service");
        form.lifecycle.setValue(engawa.db.catalog.Lifecycle.EXPERIMENTAL);
        List<TeamSummary> mine = users.profile(person.username()).teams();
        if (!mine.isEmpty()) {
            form.owner.select(mine.getFirst().slug());
        }
        defaultsNote.addClassName("hint");
        defaultsNote.setId("wizard-defaults-note");
        panels = List.of(
                panel("wizard.step.basics.text", form.basics()),
                panel("wizard.step.ownership.text", form.ownership()),
                panel("wizard.step.links.text", defaultsNote, form.opsLinkFields(), form.relations()),
                new Div());

        steps.addClassName("wizard-steps");
        steps.setId("wizard-steps");
        body.addClassName("wizard-body");
        back.setText(getTranslation("wizard.back"));
        back.setId("wizard-back");
        back.addClickListener(e -> show(step - 1));
        next.setId("wizard-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.addClickListener(e -> forward());
        Div footer = new Div(back, next);
        footer.addClassName("form-footer");
        add(new H1(getTranslation("wizard.title")), new Paragraph(getTranslation("wizard.intro")), steps, body, footer);
        show(0);
    }

    private Div panel(String textKey, Component... content) {
        Div panel = new Div(new Paragraph(getTranslation(textKey)));
        panel.add(content);
        panel.addClassName("wizard-panel");
        return panel;
    }

    private void show(int index) {
        step = index;
        steps.removeAll();
        String[] names = {"basics", "ownership", "links", "review"};
        for (int i = 0; i < names.length; i++) {
            Span s = new Span((i + 1) + ". " + getTranslation("wizard.step." + names[i]));
            s.addClassName("wizard-step");
            if (i == index) {
                s.addClassName("current");
                s.getElement().setAttribute("aria-current", "step");
            } else if (i < index) {
                s.addClassName("done");
            }
            steps.add(s);
        }
        body.removeAll();
        if (index == 2) {
            fillTeamDefaults();
        }
        body.add(index == 3 ? review() : panels.get(index));
        back.setVisible(index > 0);
        next.setText(getTranslation(index == 3 ? "wizard.create" : "wizard.next"));
        next.setIcon(index == 3 ? VaadinIcon.CHECK.create() : VaadinIcon.ARROW_RIGHT.create());
        next.setIconAfterText(index != 3);
    }

    private void forward() {
        if (step == 3) {
            create();
            return;
        }
        if (checkStep(step)) {
            show(step + 1);
        }
    }

    /** The rules of the fields on this step; on the first also whether the name is free. */
    private boolean checkStep(int index) {
        Map<String, HasValidation> fields = form.fields();
        FormErrors.clear(fields);
        ServiceDraft draft = form.read();
        boolean ok = true;
        for (ConstraintViolation<ServiceDraft> violation : validator.validate(draft)) {
            String path = FieldPaths.below(violation);
            if (stepOf(path) == index) {
                FormErrors.showUnder(path, getTranslation(violation.getMessage()), fields);
                ok = false;
            }
        }
        if (ok && index == 0 && catalog.find(draft.name()).isPresent()) {
            form.name.setErrorMessage(getTranslation("catalog.name.taken", draft.name()));
            form.name.setInvalid(true);
            ok = false;
        }
        return ok;
    }

    private static int stepOf(String path) {
        for (int i = 0; i < STEP_FIELDS.size(); i++) {
            for (String candidate : FieldPaths.candidates(path)) {
                if (STEP_FIELDS.get(i).contains(candidate)) {
                    return i;
                }
            }
        }
        return 2;
    }

    /** Fills each empty link (or one filled in before for another team) from the owning team's templates. */
    private void fillTeamDefaults() {
        String owner = form.owner.getValue();
        Map<OpsLinkKind, String> defaults = Map.of();
        if (owner != null && !owner.startsWith("user:")) {
            try {
                defaults = teamLinks.linksFor(owner, form.name.getValue().strip());
            } catch (UserFacingException unknownTeam) {
                defaults = Map.of();
            }
        }
        for (OpsLinkKind kind : OpsLinkKind.values()) {
            var field = form.opsLinks.get(kind);
            boolean untouched = field.isEmpty() || field.getValue().equals(filledIn.get(kind));
            if (untouched) {
                String value = defaults.getOrDefault(kind, "");
                field.setValue(value);
                filledIn.put(kind, value);
            }
        }
        defaultsNote.setText(defaults.isEmpty() ? getTranslation("wizard.defaults.none")
                : getTranslation("wizard.defaults.filled", defaults.size(), form.owner.nameOf(owner)));
    }

    private Component review() {
        ServiceDraft d = form.read();
        Div facts = new Div();
        facts.addClassName("facts");
        facts.setId("wizard-review");
        fact(facts, "catalog.form.name", d.name());
        fact(facts, "catalog.form.title", d.title());
        fact(facts, "catalog.form.type", CatalogLabels.type(this, d.type()));
        fact(facts, "catalog.form.owner", d.owner() == null ? null : form.owner.nameOf(d.owner()));
        fact(facts, "catalog.form.lifecycle", d.lifecycle() == null ? null : CatalogLabels.lifecycle(this, d.lifecycle()));
        fact(facts, "catalog.form.tier", CatalogLabels.tier(this, d.tier()));
        fact(facts, "catalog.form.description", d.description());
        fact(facts, "wizard.review.opsLinks", getTranslation("catalog.opsLinks.count", d.opsLinks().size(),
                OpsLinkKind.values().length));
        Paragraph event = new Paragraph(getTranslation("wizard.review.event"));
        event.addClassName("hint");
        return new Card(getTranslation("wizard.review.title"), facts, event);
    }

    private void fact(Div facts, String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("fact-label");
        Span text = new Span(value == null || value.isBlank() ? "–" : value);
        facts.add(label, text);
    }

    private void create() {
        try {
            CatalogEntry created = catalog.create(form.read());
            FormErrors.notifySuccess(getTranslation("wizard.created", created.displayName()));
            getUI().ifPresent(ui -> ui.navigate(ServiceView.class, ServiceView.parameters(created.name())));
        } catch (RuntimeException error) {
            if (!FormErrors.show(this, error, form.fields())) {
                throw error;
            }
            // open the first step with a field to fix; its message stays under the field
            form.fields().entrySet().stream().filter(e -> e.getValue().isInvalid()).map(e -> stepOf(e.getKey()))
                    .min(Integer::compare).ifPresent(this::show);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("wizard.title") + " · " + getTranslation("app.name");
    }
}
