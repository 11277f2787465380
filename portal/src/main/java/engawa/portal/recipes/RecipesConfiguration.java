package engawa.portal.recipes;

import engawa.portal.webhooks.EventTypeSource;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the feature declares to the rest of the portal. */
@Configuration(proxyBeanMethods = false)
class RecipesConfiguration {

    /** The events this feature publishes, for the webhooks feature to offer. */
    @Bean
    EventTypeSource recipeEventTypes() {
        return () -> List.of(RunRequested.TYPE, RunCompleted.TYPE, RecipeHealthChanged.TYPE);
    }
}
