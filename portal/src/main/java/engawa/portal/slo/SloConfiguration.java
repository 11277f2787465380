package engawa.portal.slo;

import engawa.integrations.slo.PrometheusClient;
import engawa.portal.webhooks.EventTypeSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The events SLOs publish, and the Prometheus client when one is configured. */
@Configuration(proxyBeanMethods = false)
class SloConfiguration {

    /** The events this feature publishes, for the webhooks feature to offer. */
    @Bean
    EventTypeSource sloEventTypes() {
        return () -> List.of(ErrorBudgetWarning.TYPE, ErrorBudgetExhausted.TYPE, SloAlertChanged.TYPE);
    }

    /** {@code ENGAWA_PROMETHEUS_URL}: where SLOs with queries are read from; without it they wait, saying why. */
    @Bean
    PrometheusSource prometheusSource(@Value("${engawa.prometheus-url:}") String url) {
        return new PrometheusSource(url == null || url.isBlank() ? Optional.empty()
                : Optional.of(new PrometheusClient(url.strip(), Duration.ofSeconds(20))));
    }

    record PrometheusSource(Optional<PrometheusClient> client) {
    }
}
