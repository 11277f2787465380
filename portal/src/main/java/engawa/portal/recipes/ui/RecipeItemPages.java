package engawa.portal.recipes.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteParameters;
import engawa.portal.recipes.RecipeRunner;
import engawa.portal.recipes.RecipeService;
import engawa.portal.shared.ui.ItemPages;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A recipe's page, its edit page and a run's page: 404 where the page says "not found", with the
 * same rules of who sees what; 403 for the edit page of a recipe this person may not change.
 */
@org.springframework.stereotype.Component
class RecipeItemPages implements ItemPages {

    private final RecipeRunner runner;
    private final RecipeService recipes;

    RecipeItemPages(RecipeRunner runner, RecipeService recipes) {
        this.runner = runner;
        this.recipes = recipes;
    }

    @Override
    public Map<Class<? extends Component>, Predicate<RouteParameters>> itemPages() {
        return Map.of(
                RecipeView.class, address -> runner.isVisible(address.get("slug").orElse("")),
                RecipeEditView.class, address -> recipeToEdit(address).map(runner::isVisible).orElse(true),
                RunView.class, address -> {
                    try {
                        return runner.isVisible(UUID.fromString(address.get("id").orElse("")));
                    } catch (IllegalArgumentException notAnId) {
                        return false;
                    }
                });
    }

    @Override
    public Map<Class<? extends Component>, Predicate<RouteParameters>> changePages() {
        return Map.of(RecipeEditView.class, address -> recipeToEdit(address).map(recipes::mayEdit).orElse(true));
    }

    /** The recipe an edit page changes; none for a new one ("recipes/new/edit"). */
    private static Optional<String> recipeToEdit(RouteParameters address) {
        return address.get("slug").filter(slug -> !slug.equals(RecipeEditView.NEW));
    }
}
