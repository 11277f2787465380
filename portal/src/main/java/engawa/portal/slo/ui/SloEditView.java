package engawa.portal.slo.ui;

import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import engawa.db.slo.SloValues;
import engawa.portal.catalog.CatalogService;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.Slugs;
import engawa.portal.shared.ui.FormErrors;
import engawa.portal.slo.Slo;
import engawa.portal.slo.SloDraft;
import engawa.portal.slo.SloRules;
import engawa.portal.slo.SloService;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writing an SLO in words first: what counts as good, how often it must be, over which window;
 * then where the numbers come from (sent to the portal, or read from Prometheus).
 */
@Route("services/:service/slos/new")
@RouteAlias("slos/:id/edit")
@PermitAll
public class SloEditView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    static final List<String> WINDOWS = List.of("28d", "30d", "7d", "month");

    private final SloService slos;
    private final CatalogService catalog;
    private final TextField displayName = new TextField();
    private final TextField name = new TextField();
    private final TextField goodMeans = new TextField();
    private final BigDecimalField objective = new BigDecimalField();
    private final RadioButtonGroup<String> window = new RadioButtonGroup<>();
    private final ComboBox<String> timeZone = new ComboBox<>();
    private final TextArea description = new TextArea();
    private final RadioButtonGroup<Boolean> pulled = new RadioButtonGroup<>();
    private final TextField goodQuery = new TextField();
    private final TextField totalQuery = new TextField();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private String service;
    private Slo editing;
    private boolean nameTouched;
    private String title = "";

    SloEditView(SloService slos, CatalogService catalog) {
        this.slos = slos;
        this.catalog = catalog;
        addClassName("page");
        addClassName("slo-edit-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getRouteParameters();
        try {
            if (params.get("id").isPresent()) {
                editing = slos.get(Long.parseLong(params.get("id").get()));
                service = editing.row().serviceName();
                if (!editing.mayEdit()) {
                    refuse();
                    return;
                }
            } else {
                service = catalog.get(params.get("service").orElse("")).name();
                if (!catalog.mayEdit(service)) {
                    refuse();
                    return;
                }
            }
        } catch (NumberFormatException | UserFacingException e) {
            removeAll();
            title = getTranslation("slo.notFound.title");
            add(new H1(title), new Paragraph(getTranslation("slo.notFound.text")));
            return;
        }
        render();
    }

    private void refuse() {
        removeAll();
        title = getTranslation("slo.forbidden.title");
        add(new H1(title), new Paragraph(getTranslation("slo.forbidden.text", service)),
                new Anchor("services/" + service, getTranslation("slo.backToService", service)));
    }

    private void render() {
        removeAll();
        title = getTranslation(editing == null ? "slo.form.new" : "slo.form.edit", service);
        add(new Anchor(editing == null ? "services/" + service : "slos/" + editing.id(),
                getTranslation(editing == null ? "slo.backToService" : "slo.backToSlo", editing == null ? service : editing.title())),
                new H1(title), new Paragraph(getTranslation("slo.form.intro")));

        displayName.setLabel(getTranslation("slo.field.displayName"));
        displayName.setHelperText(getTranslation("slo.field.displayName.helper"));
        displayName.setId("slo-display-name");
        displayName.setMaxLength(SloDraft.TITLE_MAX_LENGTH);
        // the name follows the title as it is typed
        displayName.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        displayName.addValueChangeListener(e -> {
            if (!nameTouched && editing == null && e.isFromClient()) {
                name.setValue(slug(e.getValue()));
            }
        });
        name.setLabel(getTranslation("slo.field.name"));
        name.setHelperText(getTranslation("slo.field.name.helper"));
        name.setId("slo-name");
        name.setMaxLength(SloDraft.NAME_MAX_LENGTH);
        name.addValueChangeListener(e -> nameTouched |= e.isFromClient());
        goodMeans.setLabel(getTranslation("slo.field.goodMeans"));
        goodMeans.setHelperText(getTranslation("slo.field.goodMeans.helper"));
        goodMeans.setId("slo-good-means");
        goodMeans.setRequiredIndicatorVisible(true);
        goodMeans.setMaxLength(SloDraft.GOOD_MEANS_MAX_LENGTH);
        objective.setLabel(getTranslation("slo.field.objective"));
        objective.setHelperText(getTranslation("slo.field.objective.helper"));
        objective.setId("slo-objective");
        objective.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
        objective.setRequiredIndicatorVisible(true);
        window.setLabel(getTranslation("slo.field.window"));
        window.setId("slo-window");
        window.setItems(WINDOWS);
        window.setItemLabelGenerator(w -> getTranslation("slo.field.window." + w));
        timeZone.setLabel(getTranslation("slo.field.timeZone"));
        timeZone.setId("slo-time-zone");
        timeZone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        window.addValueChangeListener(e -> timeZone.setVisible("month".equals(e.getValue())));
        description.setLabel(getTranslation("slo.field.description"));
        description.setId("slo-description");
        description.setMaxLength(SloDraft.DESCRIPTION_MAX_LENGTH);
        pulled.setLabel(getTranslation("slo.field.source"));
        pulled.setId("slo-source-choice");
        pulled.setItems(false, true);
        pulled.setItemLabelGenerator(p -> getTranslation(p ? "slo.field.source.prometheus" : "slo.field.source.push"));
        goodQuery.setLabel(getTranslation("slo.field.goodQuery"));
        goodQuery.setId("slo-good-query");
        goodQuery.setPlaceholder("sum(http_server_requests_seconds_count{status!~\"5..\"})");
        totalQuery.setLabel(getTranslation("slo.field.totalQuery"));
        totalQuery.setId("slo-total-query");
        totalQuery.setPlaceholder("sum(http_server_requests_seconds_count)");
        pulled.addValueChangeListener(e -> {
            goodQuery.setVisible(Boolean.TRUE.equals(e.getValue()));
            totalQuery.setVisible(Boolean.TRUE.equals(e.getValue()));
        });

        fields.clear();
        fields.put("displayName", displayName);
        fields.put("name", name);
        fields.put("goodMeans", goodMeans);
        fields.put("objectivePercent", objective);
        fields.put("window", window);
        fields.put("timeZone", timeZone);
        fields.put("description", description);
        fields.put("goodQuery", goodQuery);
        fields.put("totalQuery", totalQuery);

        if (editing != null) {
            SloValues v = editing.row().values();
            displayName.setValue(v.displayName() == null ? "" : v.displayName());
            name.setValue(v.name());
            goodMeans.setValue(v.goodMeans());
            objective.setValue(SloRules.percent(v.objective()));
            window.setValue(SloRules.windowKey(v));
            timeZone.setValue(v.calendarMonth() ? v.windowTimeZone() : "UTC");
            description.setValue(v.description() == null ? "" : v.description());
            pulled.setValue(v.pulled());
            goodQuery.setValue(v.goodQuery() == null ? "" : v.goodQuery());
            totalQuery.setValue(v.totalQuery() == null ? "" : v.totalQuery());
        } else {
            objective.setValue(new BigDecimal("99.9"));
            window.setValue("28d");
            timeZone.setValue("UTC");
            pulled.setValue(false);
        }
        timeZone.setVisible("month".equals(window.getValue()));
        goodQuery.setVisible(Boolean.TRUE.equals(pulled.getValue()));
        totalQuery.setVisible(Boolean.TRUE.equals(pulled.getValue()));

        FormLayout form = new FormLayout(displayName, name, goodMeans, objective, window, timeZone, description, pulled,
                goodQuery, totalQuery);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.setColspan(goodMeans, 2);
        form.setColspan(window, 2);
        form.setColspan(description, 2);
        form.setColspan(pulled, 2);
        form.setColspan(goodQuery, 2);
        form.setColspan(totalQuery, 2);
        form.addClassName("slo-form");

        Button save = new Button(getTranslation(editing == null ? "slo.form.create" : "slo.form.save"), e -> save());
        save.setId("slo-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div footer = new Div(save);
        footer.addClassName("form-footer");
        add(form, footer);
    }

    private void save() {
        boolean prometheus = Boolean.TRUE.equals(pulled.getValue());
        SloDraft draft = new SloDraft(name.getValue(), displayName.getValue(), description.getValue(), goodMeans.getValue(),
                objective.getValue(), window.getValue(), timeZone.getValue(), prometheus ? goodQuery.getValue() : null,
                prometheus ? totalQuery.getValue() : null);
        if (prometheus && goodQuery.getValue().isBlank() && totalQuery.getValue().isBlank()) {
            FormErrors.clear(fields);
            goodQuery.setInvalid(true);
            goodQuery.setErrorMessage(getTranslation("slo.query.required"));
            return;
        }
        try {
            Slo saved = editing == null ? slos.create(service, draft) : slos.update(editing.id(), editing.row().version(), draft);
            FormErrors.notifySuccess(getTranslation("slo.form.saved", saved.title()));
            UI.getCurrent().navigate(SloView.class, new RouteParameters("id", String.valueOf(saved.id())));
        } catch (UserFacingException e) {
            if (e.kind() == UserFacingException.Kind.STALE) {
                FormErrors.notifyError(e.messageIn(UI.getCurrent().getLocale()));
                return;
            }
            FormErrors.show(this, e, fields);
        }
    }

    /** A name from the title: lower-case letters, digits and dashes. */
    static String slug(String text) {
        return Slugs.from(text, 63);
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
