package engawa.portal.support;

import engawa.portal.catalog.ServiceCreated;
import engawa.portal.catalog.ServiceInfo;
import engawa.portal.catalog.ServiceUpdated;
import engawa.portal.slo.ErrorBudgetExhausted;
import engawa.portal.slo.ErrorBudgetWarning;
import engawa.portal.slo.SloEventParts.ServiceOfSlo;
import engawa.portal.slo.SloEventParts.SloFigures;
import engawa.portal.webhooks.EventJson;
import engawa.portal.webhooks.WebhookEvent;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes real event records as a feature does (in a transaction of their own) and finds the id
 * the outbox gave each, for tests of delivery that need no real change behind the event.
 */
public class TestEvents {

    /** Makes every test event's data unique, so that its id can be found by its data. */
    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final EventJson json;

    public TestEvents(ApplicationEventPublisher publisher, PlatformTransactionManager transactions, JdbcTemplate jdbc,
            EventJson json) {
        this.publisher = publisher;
        this.transactions = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @return the event's id in the outbox, which receivers see as {@code webhook-id} */
    public UUID publish(WebhookEvent event) {
        transactions.executeWithoutResult(status -> publisher.publishEvent(event));
        return jdbc.queryForObject("SELECT id FROM webhook_events WHERE type = ? AND data = CAST(? AS JSONB)"
                + " ORDER BY id DESC LIMIT 1", UUID.class, event.type().id(), json.write(event, false));
    }

    public static ServiceCreated serviceCreated(String name) {
        return new ServiceCreated(service(name, 2), actor(), "edit");
    }

    public static ServiceCreated serviceCreated(String name, int tier) {
        return new ServiceCreated(service(name, tier), actor(), "edit");
    }

    public static ServiceUpdated serviceUpdated(String name) {
        return new ServiceUpdated(service(name, 2), "tier", Map.of("tier", new engawa.portal.catalog.FieldChange("1", "2")),
                actor(), "edit");
    }

    public static ErrorBudgetWarning budgetWarning(String sloName) {
        return new ErrorBudgetWarning(sloService(), slo(sloName, "20"), 25, sloName + " is below 25% (" + SEQUENCE.incrementAndGet() + ").");
    }

    public static ErrorBudgetExhausted budgetExhausted(String sloName) {
        return new ErrorBudgetExhausted(sloService(), slo(sloName, "0"), sloName + " is spent (" + SEQUENCE.incrementAndGet() + ").");
    }

    private static String actor() {
        return "tester-" + SEQUENCE.incrementAndGet();
    }

    private static ServiceInfo service(String name, int tier) {
        return new ServiceInfo(name, name, "service", "production", tier, "payments", "Payments", null,
                "http://localhost/services/" + name, null, null);
    }

    private static ServiceOfSlo sloService() {
        return new ServiceOfSlo("payments-api", "payments", "http://localhost/services/payments-api", 0);
    }

    private static SloFigures slo(String name, String remaining) {
        return new SloFigures("1", name, name, new BigDecimal("99.9"), "28d", new BigDecimal(remaining), "at-risk",
                "http://localhost/slos/1");
    }
}
