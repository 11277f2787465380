package engawa.portal.recipes.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import engawa.portal.recipes.InputKind;
import engawa.portal.recipes.InputLimits;
import engawa.portal.recipes.RecipeInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The owners' editor of a recipe's form: one block per field, in order, added and removed freely. */
class InputEditor extends Div {

    private final List<Row> rows = new ArrayList<>();
    private final Div list = new Div();

    InputEditor(List<RecipeInput> inputs) {
        addClassName("input-editor");
        add(list);
        Button add = new Button(getTranslation("recipes.edit.addField"), VaadinIcon.PLUS.create(), e -> addRow(null));
        add.setId("recipe-add-field");
        add(add);
        inputs.forEach(this::addRow);
    }

    private void addRow(RecipeInput input) {
        Row row = new Row(input, rows.size() + 1);
        rows.add(row);
        list.add(row);
    }

    List<RecipeInput> inputs() {
        return rows.stream().map(Row::input).toList();
    }

    /** Problems by the server's names, {@code inputs[2].key}. */
    Map<String, HasValidation> validated() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            fields.put("inputs[" + i + "].key", r.key);
            fields.put("inputs[" + i + "].label", r.label);
            fields.put("inputs[" + i + "].pattern", r.pattern);
            fields.put("inputs[" + i + "].choices", r.choices);
            fields.put("inputs[" + i + "].kind", r.kind);
        }
        return fields;
    }

    private final class Row extends Div {
        final TextField label = new TextField(getTranslation("recipes.edit.field.label"));
        final TextField labelJa = new TextField(getTranslation("recipes.edit.field.labelJa"));
        final TextField key = new TextField(getTranslation("recipes.edit.field.key"));
        final Select<InputKind> kind = new Select<>();
        final Checkbox required = new Checkbox(getTranslation("recipes.edit.field.required"));
        final TextField help = new TextField(getTranslation("recipes.edit.field.help"));
        final TextField helpJa = new TextField(getTranslation("recipes.edit.field.helpJa"));
        final TextField defaultValue = new TextField(getTranslation("recipes.edit.field.default"));
        final TextField pattern = new TextField(getTranslation("recipes.edit.field.pattern"));
        final TextField choices = new TextField(getTranslation("recipes.edit.field.choices"));
        // what a plausible answer is: numbers between, dates within days of today
        final BigDecimalField min = new BigDecimalField(getTranslation("recipes.edit.field.min"));
        final BigDecimalField max = new BigDecimalField(getTranslation("recipes.edit.field.max"));
        final IntegerField earliest = new IntegerField(getTranslation("recipes.edit.field.earliest"));
        final IntegerField latest = new IntegerField(getTranslation("recipes.edit.field.latest"));
        final Select<String> whenOutside = new Select<>();

        Row(RecipeInput input, int number) {
            addClassName("input-editor-row");
            kind.setLabel(getTranslation("recipes.edit.field.kind"));
            kind.setItems(Arrays.asList(InputKind.values()));
            kind.setItemLabelGenerator(k -> getTranslation("recipes.kind." + k.id()));
            kind.setValue(input == null ? InputKind.TEXT : input.inputKind());
            key.setHelperText(getTranslation("recipes.edit.field.key.help"));
            defaultValue.setHelperText(getTranslation("recipes.edit.field.default.help"));
            choices.setHelperText(getTranslation("recipes.edit.field.choices.help"));
            if (input != null) {
                label.setValue(nz(input.label()));
                labelJa.setValue(nz(input.labelJa()));
                key.setValue(nz(input.key()));
                required.setValue(input.required());
                help.setValue(nz(input.help()));
                helpJa.setValue(nz(input.helpJa()));
                defaultValue.setValue(nz(input.defaultValue()));
                pattern.setValue(nz(input.pattern()));
                choices.setValue(String.join(", ", input.choices()));
                if (input.limits() != null) {
                    min.setValue(input.limits().min());
                    max.setValue(input.limits().max());
                    earliest.setValue(input.limits().earliestInDays());
                    latest.setValue(input.limits().latestInDays());
                    whenOutside.setValue(input.limits().warnOnly() ? InputLimits.WARN : InputLimits.REFUSE);
                }
            }
            earliest.setHelperText(getTranslation("recipes.edit.field.earliest.help"));
            latest.setHelperText(getTranslation("recipes.edit.field.latest.help"));
            whenOutside.setLabel(getTranslation("recipes.edit.field.whenOutside"));
            whenOutside.setItems(InputLimits.REFUSE, InputLimits.WARN);
            whenOutside.setItemLabelGenerator(w -> getTranslation("recipes.edit.field.whenOutside." + w));
            if (whenOutside.getValue() == null) {
                whenOutside.setValue(InputLimits.REFUSE);
            }
            showFor(kind.getValue());
            kind.addValueChangeListener(e -> showFor(e.getValue()));
            label.addValueChangeListener(e -> {
                if (key.getValue().isBlank()) {
                    key.setValue(e.getValue().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                            .replaceAll("^_+|_+$", ""));
                }
            });
            Button remove = new Button(getTranslation("recipes.edit.removeField"), VaadinIcon.TRASH.create(), e -> {
                rows.remove(this);
                list.remove(this);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            FormLayout form = new FormLayout(label, labelJa, help, helpJa, key, kind, defaultValue, pattern, choices,
                    min, max, earliest, latest, whenOutside, required);
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
            H3 title = new H3(getTranslation("recipes.edit.field", number));
            add(title, form, remove);
        }

        private void showFor(InputKind k) {
            choices.setVisible(k == InputKind.CHOICE);
            min.setVisible(k == InputKind.NUMBER);
            max.setVisible(k == InputKind.NUMBER);
            earliest.setVisible(k == InputKind.DATE);
            latest.setVisible(k == InputKind.DATE);
            whenOutside.setVisible(k == InputKind.NUMBER || k == InputKind.DATE);
        }

        RecipeInput input() {
            List<String> options = choices.isVisible() ? Arrays.stream(choices.getValue().split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList() : List.of();
            return new RecipeInput(key.getValue().strip(), kind.getValue() == null ? null : kind.getValue().id(),
                    label.getValue().strip(), blankToNull(labelJa.getValue()), blankToNull(help.getValue()),
                    blankToNull(helpJa.getValue()),
                    required.getValue(), blankToNull(defaultValue.getValue()), blankToNull(pattern.getValue()), options,
                    limits());
        }

        /** Only the limits of the field's kind are kept; none at all when none is set. */
        private InputLimits limits() {
            boolean number = min.isVisible() && (min.getValue() != null || max.getValue() != null);
            boolean date = earliest.isVisible() && (earliest.getValue() != null || latest.getValue() != null);
            if (!number && !date) {
                return null;
            }
            return new InputLimits(number ? min.getValue() : null, number ? max.getValue() : null,
                    date ? earliest.getValue() : null, date ? latest.getValue() : null, whenOutside.getValue());
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
