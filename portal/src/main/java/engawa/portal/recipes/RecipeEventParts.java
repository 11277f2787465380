package engawa.portal.recipes;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/** The parts recipe events carry: the recipe (at the version concerned) and the run. */
public final class RecipeEventParts {

    private RecipeEventParts() {
    }

    /**
     * @param owner the owning team's short name or the owning person's username
     * @param recipeId the recipe's id, for listeners in the portal
     */
    public record RecipeInfo(String slug, String title, int version, String url, String owner,
            @JsonIgnore long recipeId) {

        static RecipeInfo sample() {
            return new RecipeInfo("expense-reminder", "Remind my team about expense reports", 2,
                    "https://engawa.example.com/recipes/expense-reminder", "finance-ops", 0);
        }
    }

    /**
     * @param status {@code queued}, {@code sent}, {@code succeeded}, {@code failed} or {@code no-answer}
     * @param requestedBy the person's username; null for a scheduled test run
     * @param finishedAt and {@code message}: null until it has finished
     */
    public record RunInfo(String id, String status, boolean test, String requestedBy, Instant requestedAt,
            Instant finishedAt, String message, String url) {

        static RunInfo sample(String status, Instant finishedAt, String message) {
            return new RunInfo("0193f2a4-5b6c-7d8e-9f00-112233445566", status, false, "hana",
                    Instant.parse("2026-11-25T09:30:00Z"), finishedAt, message,
                    "https://engawa.example.com/runs/0193f2a4-5b6c-7d8e-9f00-112233445566");
        }
    }
}
