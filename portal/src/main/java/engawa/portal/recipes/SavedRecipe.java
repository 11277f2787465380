package engawa.portal.recipes;

/**
 * A recipe after saving, with its new signing secret when one was made: shown once, then only its
 * owners' receivers know it.
 */
public record SavedRecipe(Recipe recipe, String newSecret) {
}
