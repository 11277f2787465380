package engawa.db.recipes;

/** The gallery's orders; a search with text is always by relevance first. */
public enum RecipeSort {
    MOST_USED, NEWEST, TITLE
}
