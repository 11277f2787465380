package engawa.portal.officehours;

import engawa.portal.webhooks.EventTypeSource;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the feature declares to the rest of the portal. */
@Configuration(proxyBeanMethods = false)
class OfficeHoursConfiguration {

    /** The events this feature publishes, for the webhooks feature to offer. */
    @Bean
    EventTypeSource officeHoursEventTypes() {
        return () -> List.of(SignupCreated.TYPE, SignupCancelled.TYPE, WaitlistPromoted.TYPE, SessionReminderDue.TYPE);
    }
}
