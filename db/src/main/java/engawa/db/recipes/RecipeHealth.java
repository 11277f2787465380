package engawa.db.recipes;

/** From the latest finished runs: {@link #BROKEN} after three failures in a row, until one succeeds. */
public enum RecipeHealth {
    UNKNOWN, HEALTHY, BROKEN
}
