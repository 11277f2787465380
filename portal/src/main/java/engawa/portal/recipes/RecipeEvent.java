package engawa.portal.recipes;

import engawa.portal.recipes.RecipeEventParts.RecipeInfo;
import engawa.portal.webhooks.WebhookEvent;
import java.util.List;

/**
 * What every recipe event has: the recipe. Admins may subscribe to all of them (they carry what
 * people typed); a recipe's owners to their own recipe's.
 */
public interface RecipeEvent extends WebhookEvent {

    RecipeInfo recipe();

    @Override
    default List<String> scopes() {
        return List.of(WebhookEvent.recipeScope(recipe().slug()));
    }
}
