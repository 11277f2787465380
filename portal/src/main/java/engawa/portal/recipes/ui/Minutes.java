package engawa.portal.recipes.ui;

import com.vaadin.flow.component.Component;

/** Minutes as people say them: "15 min", "2 h 15 min", "41 h". */
public final class Minutes {

    private Minutes() {
    }

    public static String format(Component c, long minutes) {
        return RecipeLabels.minutes(c, minutes);
    }
}
