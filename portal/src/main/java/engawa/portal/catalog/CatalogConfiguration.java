package engawa.portal.catalog;

import engawa.portal.webhooks.EventTypeSource;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the feature declares to the rest of the portal. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    /** The events this feature publishes, for the webhooks feature to offer. */
    @Bean
    EventTypeSource catalogEventTypes() {
        return () -> List.of(ServiceCreated.TYPE, ServiceUpdated.TYPE);
    }
}
