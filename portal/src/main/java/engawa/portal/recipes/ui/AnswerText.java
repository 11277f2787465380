package engawa.portal.recipes.ui;

import com.vaadin.flow.component.Component;
import engawa.portal.recipes.InputKind;
import engawa.portal.shared.ui.Formats;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** An answer as the person wrote it: a day in their format, Yes or No; not 2026-12-24 or true. */
final class AnswerText {

    private AnswerText() {
    }

    /** @return the answer to show, or "" when there is none */
    static String of(Component c, InputKind kind, Object value) {
        if (value == null || String.valueOf(value).isBlank()) {
            return "";
        }
        if (kind == InputKind.CHECKBOX || value instanceof Boolean) {
            return c.getTranslation(Boolean.parseBoolean(String.valueOf(value)) ? "recipes.run.yes" : "recipes.run.no");
        }
        if (kind == InputKind.DATE) {
            try {
                return Formats.day(LocalDate.parse(String.valueOf(value)));
            } catch (DateTimeParseException notADay) {
                return String.valueOf(value);
            }
        }
        return String.valueOf(value);
    }
}
