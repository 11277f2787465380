/**
 * Automation recipes: plain-language how-tos with a form and a Run button that sends the answers
 * to the recipe's workflow (a Zapier Catch Hook or any HTTPS endpoint), runs that move from queued
 * to a result, health (broken, stale), scheduled test runs and the time saved.
 *
 * <p>Owns {@code recipes}, {@code recipe_versions}, {@code recipe_runs}. Publishes
 * {@link engawa.portal.recipes.RunRequested}, {@link engawa.portal.recipes.RunCompleted} and
 * {@link engawa.portal.recipes.RecipeHealthChanged}. Offers {@link engawa.portal.recipes.RecipeLookup}
 * (recipes by its own rule of who sees a draft) and {@link engawa.portal.recipes.RecipeService}.
 * Sends to workflows through webhooks' {@code PrivateTargets}. Depends on people and webhooks.
 */
package engawa.portal.recipes;
