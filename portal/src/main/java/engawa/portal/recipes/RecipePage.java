package engawa.portal.recipes;

import engawa.db.recipes.Recipes;
import java.util.List;

/**
 * Everything a recipe's page shows, read in one transaction with one look-up of the caller and
 * the recipe.
 *
 * @param me who is looking, for the form's defaults
 * @param target for its owners; null for everyone else or when it sends nowhere yet
 * @param versions for its owners, newest first; empty for everyone else
 * @param recentRuns for its owners, newest first; empty for everyone else
 */
public record RecipePage(Recipe recipe, InputRules.Me me, RecipeStats stats, RecipeTarget target,
        List<Recipes.VersionRow> versions, List<RecipeRun> recentRuns) {
}
