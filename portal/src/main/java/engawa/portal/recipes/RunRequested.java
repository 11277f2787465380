package engawa.portal.recipes;

import engawa.portal.recipes.RecipeEventParts.RecipeInfo;
import engawa.portal.recipes.RecipeEventParts.RunInfo;
import engawa.portal.webhooks.EventType;
import java.util.Map;

/**
 * Someone pressed Run, or a scheduled test run started ({@code recipe.run.requested}).
 *
 * @param inputs the answers as sent to the workflow: text, numbers, {@code yyyy-mm-dd} dates, booleans
 */
public record RunRequested(RecipeInfo recipe, RunInfo run, Map<String, Object> inputs) implements RecipeEvent {

    public static final EventType TYPE = new EventType("recipe.run.requested", EventType.Audience.ADMINS,
            EventType.Scoping.RECIPE, "Someone pressed Run on an automation recipe.", RunRequested::sample);

    @Override
    public EventType type() {
        return TYPE;
    }

    static RunRequested sample() {
        return new RunRequested(RecipeInfo.sample(), RunInfo.sample("queued", null, null), Map.of("month", "2026-11"));
    }
}
