package engawa.portal.webhooks;

import engawa.integrations.webhooks.HostResolver;
import engawa.integrations.webhooks.RetrySchedule;
import engawa.integrations.webhooks.TargetGuard;
import engawa.integrations.webhooks.WebhookSender;
import engawa.portal.shared.PublicUrl;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain-Java parts from {@code integrations}, set up from the portal's settings. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    TargetGuard webhookTargetGuard(WebhookProperties properties, PublicUrl publicUrl) {
        // the portal's own echo workflow (demo recipes) is reachable by that one address only
        return new TargetGuard(TargetGuard.parseAllowedHosts(properties.allowedHosts()), HostResolver.SYSTEM,
                List.of(URI.create(publicUrl.of("/api/v1/recipes/echo"))));
    }

    @Bean
    WebhookSender webhookSender(TargetGuard guard, Clock clock, WebhookProperties properties) {
        return new WebhookSender(guard, clock, properties.connectTimeout(), properties.callTimeout());
    }

    @Bean
    RetrySchedule webhookRetrySchedule(WebhookProperties properties) {
        return new RetrySchedule(properties.retryScale());
    }
}
