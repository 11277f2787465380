package engawa.portal.recipes;

import engawa.db.recipes.RecipeRuns;
import engawa.db.recipes.Recipes;
import engawa.portal.webhooks.EventType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The plain-SQL parts of recipes from {@code db}. */
@Configuration(proxyBeanMethods = false)
class RecipesConfiguration {

    @Bean
    EventType runRequestedEvents() {
        return RunRequested.TYPE;
    }

    @Bean
    EventType runCompletedEvents() {
        return RunCompleted.TYPE;
    }

    @Bean
    EventType healthChangedEvents() {
        return RecipeHealthChanged.TYPE;
    }

    @Bean
    Recipes recipes(JdbcTemplate jdbc) {
        return new Recipes(jdbc);
    }

    @Bean
    RecipeRuns recipeRuns(JdbcTemplate jdbc) {
        return new RecipeRuns(jdbc);
    }
}
