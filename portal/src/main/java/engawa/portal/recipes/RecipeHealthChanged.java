package engawa.portal.recipes;

import com.fasterxml.jackson.annotation.JsonProperty;
import engawa.portal.recipes.RecipeEventParts.RecipeInfo;
import engawa.portal.webhooks.EventType;
import java.time.Instant;

/**
 * A recipe became broken (three failed runs in a row) or works again ({@code recipe.health.changed}).
 *
 * @param message in English, for a chat message as it is
 */
public record RecipeHealthChanged(RecipeInfo recipe, Health health, String message) implements RecipeEvent {

    public static final EventType TYPE = new EventType("recipe.health.changed", EventType.Audience.ADMINS,
            EventType.Scoping.RECIPE, "An automation recipe became broken (three failed runs in a row) or works again.",
            RecipeHealthChanged::sample);

    /** @param from and {@code to}: {@code unknown}, {@code healthy} or {@code broken} */
    public record Health(String from, String to, @JsonProperty("failures_in_a_row") int failuresInARow,
            Instant lastSuccessAt) {
    }

    @Override
    public EventType type() {
        return TYPE;
    }

    public boolean broken() {
        return "broken".equals(health.to());
    }

    static RecipeHealthChanged sample() {
        return new RecipeHealthChanged(RecipeInfo.sample(), new Health("healthy", "broken", 3,
                Instant.parse("2026-11-20T09:00:00Z")), "Remind my team about expense reports failed 3 times in a row.");
    }
}
