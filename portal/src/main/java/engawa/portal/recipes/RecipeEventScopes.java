package engawa.portal.recipes;

import engawa.db.recipes.RecipeRow;
import engawa.portal.people.Callers.Caller;
import engawa.portal.shared.UserFacingException;
import engawa.portal.webhooks.EventScopes;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A recipe's owners (and admins) may watch its runs and health through webhooks. */
@Component
class RecipeEventScopes implements EventScopes {

    private final RecipeAccess recipes;

    RecipeEventScopes(RecipeAccess recipes) {
        this.recipes = recipes;
    }

    @Override
    @Transactional(readOnly = true)
    public String recipeScope(Caller caller, String recipe) {
        RecipeRow row;
        try {
            row = recipes.visible(caller, recipe);
        } catch (UserFacingException e) {
            throw UserFacingException.invalidField("recipe", "recipes.notFound", recipe);
        }
        if (!recipes.mayEdit(caller, row)) {
            throw UserFacingException.forbidden("webhooks.recipe.notOwner", row.values().titleEn());
        }
        return "recipe:" + row.slug();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean stillMayWatch(Caller subscriber, String scope) {
        if (!scope.startsWith("recipe:")) {
            return true;
        }
        try {
            return recipes.mayEdit(subscriber, recipes.visible(subscriber, scope.substring("recipe:".length())));
        } catch (UserFacingException gone) {
            return false;
        }
    }
}
