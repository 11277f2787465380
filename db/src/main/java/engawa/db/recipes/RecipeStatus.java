package engawa.db.recipes;

/** Only published recipes can be run; a draft is being written, an archived one is kept for its runs. */
public enum RecipeStatus {
    DRAFT, PUBLISHED, ARCHIVED
}
