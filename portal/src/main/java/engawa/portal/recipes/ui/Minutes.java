package engawa.portal.recipes.ui;

import com.vaadin.flow.component.Component;

/** Minutes as people say them: "15 min", "2 h 15 min", "41 h", in the reader's language. */
public final class Minutes {

    private Minutes() {
    }

    public static String format(Component c, long minutes) {
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return c.getTranslation("recipes.minutes", rest);
        }
        return rest == 0 ? c.getTranslation("recipes.hours", hours) : c.getTranslation("recipes.hoursMinutes", hours, rest);
    }
}
