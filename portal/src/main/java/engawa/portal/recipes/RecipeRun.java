package engawa.portal.recipes;

import engawa.db.recipes.RunRow;
import java.util.Map;

/**
 * A run as its page shows it.
 *
 * @param inputs what was sent, by field key
 * @param mayRetry whether the caller may press Try again (a finished run of a recipe that still runs)
 */
public record RecipeRun(RunRow row, Map<String, Object> inputs, boolean mayRetry) {
}
