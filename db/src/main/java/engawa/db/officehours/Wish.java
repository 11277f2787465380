package engawa.db.officehours;

/**
 * What several people said they want to automate, grouped by its words.
 *
 * @param key the grouping: lower case, trimmed, inner spaces collapsed
 * @param text how the first person wrote it
 * @param recipeSlug the draft recipe a host made of it, if any
 */
public record Wish(String key, String text, int people, String recipeSlug, String recipeTitle) {
}
