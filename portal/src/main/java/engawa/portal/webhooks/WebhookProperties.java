package engawa.portal.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of webhook delivery ({@code ENGAWA_WEBHOOKS_*}).
 *
 * @param retryScale multiplies every retry delay and the 5-day disable limit; 0.001 turns a day into 86 s
 * @param allowedHosts {@code host} or {@code host:port} entries that may be internal or plain http
 * @param dispatch whether this instance sends deliveries (every instance may; they share the work)
 * @param workers dispatcher threads, each working on one batch at a time
 * @param batchSize deliveries claimed and sent together
 * @param maxInFlight requests on the wire at once, all workers together
 * @param pollInterval how often an idle dispatcher looks for due deliveries made elsewhere
 * @param disableAfterFailing a subscription whose every delivery failed for this long is turned off
 * @param retention how long finished events, deliveries and attempts stay in the log
 */
@ConfigurationProperties("engawa.webhooks")
public record WebhookProperties(
        @DefaultValue("1") double retryScale,
        @DefaultValue("") String allowedHosts,
        @DefaultValue("true") boolean dispatch,
        @DefaultValue("4") int workers,
        @DefaultValue("250") int batchSize,
        @DefaultValue("64") int maxInFlight,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("5d") Duration disableAfterFailing,
        @DefaultValue("30d") Duration retention,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration callTimeout) {

    public WebhookProperties {
        if (!(retryScale > 0)) {
            throw new IllegalArgumentException("ENGAWA_WEBHOOKS_RETRY_SCALE must be a positive number such as 1 or 0.001");
        }
        if (workers < 1 || batchSize < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("engawa.webhooks.workers, batch-size and max-in-flight must be at least 1");
        }
    }

    /** The disable limit on the compressed clock that tests use. */
    public Duration scaledDisableAfterFailing() {
        return Duration.ofNanos(Math.round(disableAfterFailing.toNanos() * retryScale));
    }
}
