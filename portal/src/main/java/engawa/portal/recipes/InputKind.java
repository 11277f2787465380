package engawa.portal.recipes;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of field a recipe's form may have; the JSON names are lower case with dashes. */
public enum InputKind {
    TEXT, LONG_TEXT, NUMBER, DATE, EMAIL, CHOICE, CHECKBOX;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<InputKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
    }
}
