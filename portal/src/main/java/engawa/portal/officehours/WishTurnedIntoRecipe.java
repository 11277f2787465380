package engawa.portal.officehours;

import engawa.portal.officehours.SessionEventParts.SessionInfo;
import java.util.List;

/**
 * A host turned what people wished to automate into a draft recipe. A fact for listeners in the
 * portal (notifications), not a webhook event.
 *
 * @param madeBy the host who made the draft, who owns it
 * @param wisherIds the people who wrote the wish
 */
public record WishTurnedIntoRecipe(SessionInfo session, String wish, String recipeSlug, String recipeTitle, long madeBy,
        List<Long> wisherIds) {

    public WishTurnedIntoRecipe {
        wisherIds = List.copyOf(wisherIds);
    }
}
