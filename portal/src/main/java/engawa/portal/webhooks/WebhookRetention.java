package engawa.portal.webhooks;

import engawa.portal.shared.TimeOrderedIds;
import engawa.db.webhooks.WebhookOutbox;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the delivery log from growing without end: events older than
 * {@code ENGAWA_WEBHOOKS_RETENTION} (30 days) whose deliveries are all finished go, with their
 * deliveries and attempts, in chunks so that no transaction runs long. Every instance may run it.
 */
@Component
public class WebhookRetention {

    private static final Logger log = LoggerFactory.getLogger(WebhookRetention.class);
    static final int CHUNK = 5_000;

    private final WebhookOutbox outbox;
    private final WebhookProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    WebhookRetention(WebhookOutbox outbox, WebhookProperties properties, PlatformTransactionManager transactions, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT1H")
    void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            log.warn("Pruning the webhook log failed; trying again in an hour: {}", e.toString());
        }
    }

    /** @return how many events were deleted */
    public int purge() {
        return purge(clock.instant().minus(properties.retention()));
    }

    /** Everything finished before {@code cutoff}. */
    int purge(Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = transactions.execute(s -> outbox.purgeFinished(cutoff, TimeOrderedIds.first(cutoff), CHUNK));
            total += deleted;
        } while (deleted == CHUNK);
        int subscriptions = transactions.execute(s -> outbox.purgeDeletedSubscriptions(cutoff));
        if (total > 0 || subscriptions > 0) {
            log.info("Webhook log: removed {} events older than {} and {} deleted subscriptions", total, cutoff, subscriptions);
        }
        return total;
    }
}
