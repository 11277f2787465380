package engawa.portal.slo;

import engawa.db.slo.Measurements;
import engawa.db.slo.Slos;
import engawa.integrations.slo.PrometheusClient;
import engawa.portal.webhooks.EventType;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The plain-SQL parts of SLOs and the scorecard, and the Prometheus client when one is configured. */
@Configuration(proxyBeanMethods = false)
class SloConfiguration {

    @Bean
    EventType budgetWarningEvents() {
        return ErrorBudgetWarning.TYPE;
    }

    @Bean
    EventType budgetExhaustedEvents() {
        return ErrorBudgetExhausted.TYPE;
    }

    @Bean
    EventType alertChangedEvents() {
        return SloAlertChanged.TYPE;
    }

    @Bean
    Slos slos(JdbcTemplate jdbc) {
        return new Slos(jdbc);
    }

    @Bean
    Measurements measurements(JdbcTemplate jdbc) {
        return new Measurements(jdbc);
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
