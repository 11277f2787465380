package engawa.portal.recipes.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import engawa.portal.recipes.InputRules;
import engawa.portal.recipes.RecipeInput;
import engawa.portal.shared.ui.DatePickers;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recipe's form, built from its fields. The browser marks required fields; the server decides
 * ({@link InputRules}), and its problems are shown under the fields they are about.
 */
class RecipeForm extends FormLayout {

    private final Map<String, Component> fields = new LinkedHashMap<>();
    private final Map<String, HasValidation> validated = new LinkedHashMap<>();
    private final Map<String, engawa.portal.recipes.InputKind> kinds = new LinkedHashMap<>();

    RecipeForm(List<RecipeInput> inputs, InputRules.Me me, boolean japanese) {
        addClassName("recipe-form");
        setResponsiveSteps(new ResponsiveStep("0", 1));
        for (RecipeInput input : inputs) {
            String label = input.label(japanese);
            String help = input.help(japanese);
            String initial = InputRules.initialValue(input, me);
            Component field = switch (input.inputKind()) {
                case LONG_TEXT -> {
                    TextArea area = new TextArea(label);
                    area.setValue(initial);
                    area.setMaxLength(InputRules.MAX_LONG_TEXT);
                    area.setMinHeight("6em");
                    area.setRequiredIndicatorVisible(input.required());
                    area.setHelperText(help);
                    yield area;
                }
                case DATE -> {
                    DatePicker picker = new DatePicker(label);
                    try {
                        picker.setValue(initial.isBlank() ? null : LocalDate.parse(initial));
                    } catch (DateTimeParseException e) {
                        picker.setValue(null);
                    }
                    picker.setRequiredIndicatorVisible(input.required());
                    picker.setHelperText(help);
                    yield DatePickers.localised(picker, UI.getCurrent().getLocale());
                }
                case EMAIL -> {
                    EmailField email = new EmailField(label);
                    email.setValue(initial);
                    email.setRequiredIndicatorVisible(input.required());
                    email.setHelperText(help);
                    yield email;
                }
                case CHOICE -> {
                    Select<String> select = new Select<>();
                    select.setLabel(label);
                    select.setItems(input.choices());
                    select.setEmptySelectionAllowed(!input.required());
                    select.setValue(input.choices().contains(initial) ? initial : null);
                    select.setRequiredIndicatorVisible(input.required());
                    select.setHelperText(help);
                    yield select;
                }
                case CHECKBOX -> {
                    Checkbox box = new Checkbox(label);
                    box.setValue("true".equals(initial));
                    box.setRequiredIndicatorVisible(input.required());
                    if (help != null) {
                        box.setHelperText(help);
                    }
                    yield box;
                }
                default -> {
                    TextField text = new TextField(label);
                    text.setValue(initial);
                    text.setMaxLength(InputRules.MAX_TEXT);
                    text.setRequiredIndicatorVisible(input.required());
                    text.setHelperText(help);
                    if (input.inputKind() == engawa.portal.recipes.InputKind.NUMBER) {
                        text.getElement().setAttribute("inputmode", "decimal");
                    }
                    yield text;
                }
            };
            field.setId("input-" + input.key());
            fields.put(input.key(), field);
            kinds.put(input.key(), input.inputKind());
            if (field instanceof HasValidation v) {
                validated.put("inputs." + input.key(), v);
            }
            add(field);
        }
    }

    /** The fields' problems are shown under them; keys are {@code inputs.<key>} as the server names them. */
    Map<String, HasValidation> validated() {
        return validated;
    }

    /** What the person entered, as text (dates {@code yyyy-mm-dd}) and booleans: the server converts and checks. */
    Map<String, Object> answers() {
        Map<String, Object> answers = new LinkedHashMap<>();
        fields.forEach((key, field) -> {
            Object value = field instanceof AbstractField<?, ?> f ? f.getValue() : null;
            if (field instanceof Checkbox box) {
                answers.put(key, box.getValue());
            } else if (value instanceof LocalDate date) {
                answers.put(key, date.toString());
            } else {
                answers.put(key, value == null ? "" : value.toString());
            }
        });
        return answers;
    }

    /**
     * Fills the form with the answers of an earlier run; an answer the form can no longer take (a
     * choice the owners removed, a field of another kind now) leaves that field as it was.
     */
    @SuppressWarnings("unchecked")
    void fill(Map<String, Object> earlier) {
        earlier.forEach((key, value) -> {
            Component field = fields.get(key);
            if (field == null || value == null) {
                return;
            }
            String text = String.valueOf(value);
            try {
                switch (field) {
                    case Checkbox box -> box.setValue(Boolean.parseBoolean(text));
                    case DatePicker picker -> picker.setValue(LocalDate.parse(text));
                    case Select<?> any -> {
                        Select<String> select = (Select<String>) any;
                        if (select.getListDataView().contains(text)) {
                            select.setValue(text);
                        }
                    }
                    default -> ((AbstractField<?, String>) field).setValue(text);
                }
            } catch (DateTimeParseException | ClassCastException notTheSameKind) {
                // the field keeps its default
            }
        });
    }

    /** Calls back whenever an answer changes (the plain preview follows the form). */
    void onChange(Runnable changed) {
        fields.values().forEach(f -> {
            if (f instanceof AbstractField<?, ?> field) {
                field.addValueChangeListener(e -> changed.run());
            }
        });
    }

    /** An answer as the person wrote it, for the plain preview; "" when not given. */
    String shown(String key) {
        Object value = answers().get(key);
        return AnswerText.of(this, kinds.get(key), value);
    }

    /** Puts the cursor where the person has something to fill in; nowhere when the defaults did it all. */
    void focusFirstEmpty() {
        fields.values().stream()
                .filter(f -> f instanceof AbstractField<?, ?> field && !(f instanceof Checkbox) && field.isEmpty())
                .filter(f -> f instanceof Focusable<?>).findFirst().ifPresent(f -> ((Focusable<?>) f).focus());
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }
}
