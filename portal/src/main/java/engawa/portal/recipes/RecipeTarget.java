package engawa.portal.recipes;

/**
 * Where a recipe's runs go, for its owners only.
 *
 * @param zapier a Zapier Catch Hook, which answers 200 even when the Zap is off
 * @param echo the portal's built-in echo workflow (the demo's)
 */
public record RecipeTarget(String url, boolean zapier, boolean echo) {
}
