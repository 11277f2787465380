package engawa.portal.recipes.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import engawa.db.recipes.RunStatus;
import engawa.portal.recipes.Recipe;
import java.time.Instant;
import java.util.Locale;

/** Words and badges shared by the recipe pages. */
final class RecipeLabels {

    private RecipeLabels() {
    }

    static boolean japanese(Component c) {
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        return ui != null && "ja".equals(ui.getLocale().getLanguage());
    }

    static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + theme);
        return badge;
    }

    /** Broken, stale, draft, archived: what a person should know before pressing Run. */
    static void addStateBadges(Component c, com.vaadin.flow.component.HasComponents box, Recipe recipe, Instant now) {
        switch (recipe.status()) {
            case DRAFT -> box.add(badge(c.getTranslation("recipes.status.draft"), "contrast"));
            case ARCHIVED -> box.add(badge(c.getTranslation("recipes.status.archived"), "contrast"));
            default -> {
            }
        }
        if (recipe.broken()) {
            box.add(badge(c.getTranslation("recipes.badge.broken"), "error"));
        } else if (recipe.stale(now)) {
            box.add(badge(c.getTranslation("recipes.badge.stale"), "warning"));
        }
    }

    /** Who ran it: a person, the scheduled test, or the admin token (which is nobody). */
    static String who(Component c, engawa.db.recipes.RunRow run) {
        if (run.requestedByName() != null) {
            return run.requestedByName();
        }
        return c.getTranslation(run.test() ? "recipes.run.scheduled" : "recipes.run.adminToken");
    }

    /** Why a run did not work, in words: the workflow's own, or what Engawa saw. Empty when it worked or runs. */
    static java.util.Optional<String> whyItDidNotWork(Component c, engawa.db.recipes.RunRow run) {
        boolean said = run.message() != null && !run.message().isBlank();
        return switch (run.status()) {
            case FAILED -> java.util.Optional.of(said ? c.getTranslation("recipes.run.workflowSaid", run.message())
                    : c.getTranslation("recipes.run.why.failed"));
            case NO_ANSWER -> java.util.Optional.of(c.getTranslation("recipes.run.why.noAnswer"));
            default -> java.util.Optional.empty();
        };
    }

    static String category(Component c, String category) {
        return c.getTranslation("recipes.category." + category);
    }

    static String status(Component c, RunStatus status) {
        return c.getTranslation("recipes.run.status." + status.name().toLowerCase(Locale.ROOT));
    }

    static String statusTheme(RunStatus status) {
        return switch (status) {
            case SUCCEEDED -> "success";
            case FAILED, NO_ANSWER -> "error";
            default -> "";
        };
    }
}
