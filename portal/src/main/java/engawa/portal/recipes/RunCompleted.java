package engawa.portal.recipes;

import com.fasterxml.jackson.annotation.JsonIgnore;
import engawa.portal.recipes.RecipeEventParts.RecipeInfo;
import engawa.portal.recipes.RecipeEventParts.RunInfo;
import engawa.portal.webhooks.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A run finished: succeeded, failed, or its workflow did not answer in time
 * ({@code recipe.run.completed}).
 *
 * @param runId the run, for listeners in the portal
 */
public record RunCompleted(RecipeInfo recipe, RunInfo run, @JsonIgnore UUID runId) implements RecipeEvent {

    public static final EventType TYPE = new EventType("recipe.run.completed", EventType.Audience.ADMINS,
            EventType.Scoping.RECIPE, "An automation recipe run finished, with its result.", RunCompleted::sample);

    @Override
    public EventType type() {
        return TYPE;
    }

    static RunCompleted sample() {
        return new RunCompleted(RecipeInfo.sample(), RunInfo.sample("succeeded", Instant.parse("2026-11-25T09:30:04Z"),
                "Reminder posted to #finance"), UUID.fromString("0193f2a4-5b6c-7d8e-9f00-112233445566"));
    }
}
