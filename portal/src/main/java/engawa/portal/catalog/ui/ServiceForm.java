package engawa.portal.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import engawa.portal.people.ui.TeamComboBox;
import engawa.db.catalog.Lifecycle;
import engawa.db.catalog.OpsLinkKind;
import engawa.portal.catalog.CatalogService;
import engawa.portal.catalog.RefChoice;
import engawa.portal.catalog.ServiceDraft;
import engawa.portal.catalog.ServiceLink;
import engawa.portal.people.TeamService;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a service, in sections that the edit page shows together and the new-service
 * wizard one per step. Reads and fills a {@link ServiceDraft}; the rules live in the service layer
 * and come back as messages under the fields named here.
 */
class ServiceForm {

    static final List<String> TYPES = List.of("service", "website", "library", "documentation", "tool", "other");

    final TextField name = new TextField();
    final TextField title = new TextField();
    final TextArea description = new TextArea();
    final ComboBox<String> type = new ComboBox<>();
    final RadioButtonGroup<Lifecycle> lifecycle = new RadioButtonGroup<>();
    final Select<Integer> tier = new Select<>();
    final TeamComboBox owner;
    final ComboBox<String> system = new ComboBox<>();
    final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>();
    final Map<OpsLinkKind, TextField> opsLinks = new EnumMap<>(OpsLinkKind.class);
    final LinksEditor links;
    final MultiSelectComboBox<String> dependsOn = new MultiSelectComboBox<>();
    final MultiSelectComboBox<String> providesApis = new MultiSelectComboBox<>();
    final MultiSelectComboBox<String> consumesApis = new MultiSelectComboBox<>();
    private final Component on;

    ServiceForm(Component on, CatalogService catalog, TeamService teams) {
        this.on = on;
        this.owner = new TeamComboBox(teams, true);
        this.links = new LinksEditor(on);

        name.setId("service-name");
        name.setLabel(t("form.name"));
        name.setHelperText(t("form.name.help"));
        name.setMaxLength(ServiceDraft.NAME_MAX_LENGTH);
        name.setValueChangeMode(ValueChangeMode.EAGER);
        title.setId("service-title-field");
        title.setLabel(t("form.title"));
        title.setHelperText(t("form.title.help"));
        title.setMaxLength(ServiceDraft.TITLE_MAX_LENGTH);
        description.setId("service-description");
        description.setLabel(t("form.description"));
        description.setHelperText(t("form.description.help"));
        description.setMinRows(3);
        description.setMaxLength(ServiceDraft.DESCRIPTION_MAX_LENGTH);
        type.setId("service-type");
        type.setLabel(t("form.type"));
        type.setItems(TYPES);
        type.setItemLabelGenerator(v -> TYPES.contains(v) ? v + " · " + t("form.type." + v) : v);
        type.setAllowCustomValue(true);
        type.addCustomValueSetListener(e -> type.setValue(e.getDetail().strip().toLowerCase(Locale.ROOT)));

        lifecycle.setId("service-lifecycle");
        lifecycle.setLabel(t("form.lifecycle"));
        lifecycle.setItems(Lifecycle.values());
        lifecycle.setItemLabelGenerator(l -> CatalogLabels.lifecycle(on, l) + " · " + t("form.lifecycle." + l.id()));
        lifecycle.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        tier.setId("service-tier");
        tier.setLabel(t("form.tier"));
        tier.setItems(1, 2, 3, 4);
        tier.setEmptySelectionAllowed(true);
        tier.setEmptySelectionCaption(on.getTranslation("catalog.tier.none"));
        tier.setItemLabelGenerator(v -> CatalogLabels.tier(on, v));
        tier.setHelperText(t("form.tier.help"));
        owner.setId("service-owner");
        owner.setLabel(t("form.owner"));
        owner.setHelperText(t("form.owner.help"));
        system.setId("service-system");
        system.setLabel(t("form.system"));
        system.setHelperText(t("form.system.help"));
        system.setItems(q -> catalog.suggest(RefChoice.Field.SYSTEM, q.getFilter().orElse(""), q.getOffset() + q.getLimit())
                .stream().skip(q.getOffset()).map(RefChoice::value));
        system.setAllowCustomValue(true);
        system.setClearButtonVisible(true);
        system.addCustomValueSetListener(e -> system.setValue(e.getDetail().strip()));
        tags.setId("service-tags");
        tags.setLabel(t("form.tags"));
        tags.setHelperText(t("form.tags.help"));
        tags.setItems(q -> catalog.tags(q.getFilter().orElse(""), q.getOffset() + q.getLimit()).stream().skip(q.getOffset()));
        allowTyped(tags, ServiceForm::asTag);

        for (OpsLinkKind kind : OpsLinkKind.values()) {
            TextField field = new TextField(CatalogLabels.opsLink(on, kind));
            field.setId("ops-" + kind.key);
            field.setPlaceholder("https://…");
            field.setHelperText(t("form.ops." + kind.key + ".help"));
            field.setPrefixComponent(CatalogLabels.icon(kind));
            field.setClearButtonVisible(true);
            opsLinks.put(kind, field);
        }

        dependsOn.setId("service-depends-on");
        dependsOn.setLabel(t("form.dependsOn"));
        dependsOn.setHelperText(t("form.dependsOn.help"));
        suggest(dependsOn, catalog, RefChoice.Field.DEPENDS_ON);
        providesApis.setId("service-provides-apis");
        providesApis.setLabel(t("form.providesApis"));
        suggest(providesApis, catalog, RefChoice.Field.APIS);
        consumesApis.setId("service-consumes-apis");
        consumesApis.setLabel(t("form.consumesApis"));
        suggest(consumesApis, catalog, RefChoice.Field.APIS);
        providesApis.setHelperText(t("form.apis.help"));
        consumesApis.setHelperText(t("form.apis.help"));
    }

    private static void suggest(MultiSelectComboBox<String> box, CatalogService catalog, RefChoice.Field field) {
        box.setItems(q -> catalog.suggest(field, q.getFilter().orElse(""), q.getOffset() + q.getLimit()).stream()
                .skip(q.getOffset()).map(RefChoice::value));
        allowTyped(box, String::strip);
    }

    /** What a person types and is not in the list is taken as typed (tags made lower case with dashes). */
    private static void allowTyped(MultiSelectComboBox<String> box, java.util.function.UnaryOperator<String> clean) {
        box.setAllowCustomValue(true);
        box.addCustomValueSetListener(e -> {
            String value = clean.apply(e.getDetail());
            if (!value.isEmpty()) {
                Set<String> values = new LinkedHashSet<>(box.getValue());
                values.add(value);
                box.setValue(values);
            }
        });
        box.setClearButtonVisible(true);
    }

    static String asTag(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    private String t(String key) {
        return on.getTranslation("catalog." + key);
    }

    Component basics() {
        FormLayout form = layout();
        form.add(name, title, type);
        form.add(description, 2);
        return form;
    }

    Component ownership() {
        FormLayout form = layout();
        form.add(owner, tier);
        form.add(lifecycle, 2);
        form.add(system, tags);
        return form;
    }

    Component opsLinkFields() {
        FormLayout form = layout();
        opsLinks.values().forEach(form::add);
        return form;
    }

    Component otherLinks() {
        return links;
    }

    Component relations() {
        FormLayout form = layout();
        form.add(dependsOn, 2);
        form.add(providesApis, consumesApis);
        return form;
    }

    private static FormLayout layout() {
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.addClassName("service-form");
        return form;
    }

    /** Fields by the names the service layer uses for its messages. */
    Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("title", title);
        fields.put("description", description);
        fields.put("type", type);
        fields.put("lifecycle", lifecycle);
        fields.put("tier", tier);
        fields.put("owner", owner);
        fields.put("system", system);
        fields.put("tags", tags);
        opsLinks.forEach((kind, field) -> fields.put("opsLinks." + kind.key, field));
        fields.put("links", links);
        fields.put("dependsOn", dependsOn);
        fields.put("providesApis", providesApis);
        fields.put("consumesApis", consumesApis);
        return fields;
    }

    void fill(ServiceDraft d) {
        name.setValue(orEmpty(d.name()));
        title.setValue(orEmpty(d.title()));
        description.setValue(orEmpty(d.description()));
        type.setValue(d.type());
        lifecycle.setValue(d.lifecycle());
        tier.setValue(d.tier());
        owner.select(d.owner());
        system.setValue(d.system());
        tags.setValue(new LinkedHashSet<>(d.tags()));
        opsLinks.forEach((kind, field) -> field.setValue(orEmpty(d.opsLinks().get(kind))));
        links.setLinks(d.links());
        dependsOn.setValue(new LinkedHashSet<>(d.dependsOn()));
        providesApis.setValue(new LinkedHashSet<>(d.providesApis()));
        consumesApis.setValue(new LinkedHashSet<>(d.consumesApis()));
    }

    ServiceDraft read() {
        Map<OpsLinkKind, String> ops = new EnumMap<>(OpsLinkKind.class);
        opsLinks.forEach((kind, field) -> ops.put(kind, field.getValue()));
        return new ServiceDraft(name.getValue(), title.getValue(), description.getValue(), type.getValue(),
                lifecycle.getValue(), tier.getValue(), owner.getValue(), system.getValue(), new ArrayList<>(tags.getValue()),
                links.getLinks(), ops, new ArrayList<>(dependsOn.getValue()), new ArrayList<>(providesApis.getValue()),
                new ArrayList<>(consumesApis.getValue()));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Free links: a title and an address per row, rows added and removed as needed. */
    static final class LinksEditor extends Div implements HasValidation {

        private final Component on;
        private final Div rows = new Div();
        private final com.vaadin.flow.component.html.Span error = new com.vaadin.flow.component.html.Span();
        private boolean invalid;

        LinksEditor(Component on) {
            this.on = on;
            setId("service-links");
            addClassName("links-editor");
            Button add = new Button(on.getTranslation("catalog.form.links.add"), VaadinIcon.PLUS.create(), e -> addRow("", ""));
            add.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            add.setId("service-links-add");
            error.addClassName("links-error");
            error.setVisible(false);
            add(rows, error, add);
        }

        private void addRow(String titleText, String url) {
            TextField title = new TextField();
            title.setPlaceholder(on.getTranslation("catalog.form.links.title"));
            title.setAriaLabel(on.getTranslation("catalog.form.links.title"));
            title.setValue(titleText);
            title.addClassName("link-title");
            TextField address = new TextField();
            address.setPlaceholder("https://…");
            address.setAriaLabel(on.getTranslation("catalog.form.links.url"));
            address.setValue(url);
            address.addClassName("link-url");
            Div row = new Div(title, address);
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> rows.remove(row));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            remove.setAriaLabel(on.getTranslation("catalog.form.links.remove"));
            row.add(remove);
            row.addClassName("link-row");
            rows.add(row);
        }

        void setLinks(List<ServiceLink> links) {
            rows.removeAll();
            links.forEach(l -> addRow(l.title() == null ? "" : l.title(), l.url()));
        }

        List<ServiceLink> getLinks() {
            List<ServiceLink> links = new ArrayList<>();
            rows.getChildren().forEach(row -> {
                List<TextField> fields = row.getChildren().filter(TextField.class::isInstance).map(TextField.class::cast).toList();
                links.add(new ServiceLink(fields.get(1).getValue(), fields.get(0).getValue()));
            });
            return links;
        }

        @Override
        public void setErrorMessage(String message) {
            error.setText(message == null ? "" : message);
        }

        @Override
        public String getErrorMessage() {
            return error.getText();
        }

        @Override
        public void setInvalid(boolean invalid) {
            this.invalid = invalid;
            error.setVisible(invalid);
        }

        @Override
        public boolean isInvalid() {
            return invalid;
        }
    }
}
