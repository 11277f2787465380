package engawa.portal.recipes;

import engawa.db.recipes.RunRow;
import java.util.Map;

/**
 * A run as its page shows it.
 *
 * @param inputs what was sent, by field key
 * @param labels the recipe's field labels by key, in form order (English, Japanese), where known
 */
public record RecipeRun(RunRow row, Map<String, Object> inputs, Map<String, RecipeInput> labels) {

    /** What a person reads for a field: its label, or its key when the field has gone from the form. */
    public String label(String key, boolean japanese) {
        RecipeInput input = labels.get(key);
        return input == null ? key : input.label(japanese);
    }

    /** The kind of a field, so that a page can show its answer as people write it; text when unknown. */
    public InputKind kind(String key) {
        RecipeInput input = labels.get(key);
        return input == null ? InputKind.TEXT : input.inputKind();
    }
}
