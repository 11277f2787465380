package engawa.portal.webhooks;

import engawa.portal.people.Callers.Caller;

/**
 * Who may watch the events of one thing rather than of a whole type: a recipe's owners its runs
 * and health, which carry inputs and so are otherwise for admins only. Implemented by the
 * feature that knows the owners.
 */
public interface EventScopes {

    /**
     * @param recipe a recipe's slug as the subscriber wrote it
     * @return the scope to store ({@code recipe:<slug>}); throws a {@code UserFacingException}
     *         when there is no such recipe or the caller does not own it
     */
    String recipeScope(Caller caller, String recipe);

    /**
     * Whether a subscriber may still watch this scope: asked again before every delivery, since
     * ownership moves on after a subscription was made.
     */
    boolean stillMayWatch(Caller subscriber, String scope);
}
