package engawa.portal.recipes;

/**
 * A recipe as other features refer to it: office hours link the recipes a session is about and the
 * recipes people built there.
 */
public record RecipeRef(long id, String slug, String titleEn, String titleJa, boolean draft) {

    public String title(boolean japanese) {
        return japanese && titleJa != null && !titleJa.isBlank() ? titleJa : titleEn;
    }
}
