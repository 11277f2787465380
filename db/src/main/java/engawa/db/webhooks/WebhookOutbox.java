package engawa.db.webhooks;

import engawa.db.shared.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox: an event row and its deliveries, written in the caller's transaction so that the
 * event exists exactly when the change that caused it does.
 */
@Repository
public class WebhookOutbox {

    private final JdbcClient jdbc;

    public WebhookOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the event and one pending delivery for every live subscription to its type.
     *
     * @return how many deliveries were created
     */
    public int append(UUID eventId, String type, Instant occurredAt, String dataJson) {
        return append(eventId, type, occurredAt, dataJson, List.of());
    }

    /**
     * As {@link #append(UUID, String, Instant, String)}, also for the subscriptions that watch
     * {@code scope} only (e.g. {@code recipe:expense-reminder}); null reaches unscoped ones alone.
     */
    public int append(UUID eventId, String type, Instant occurredAt, String dataJson, String scope) {
        return append(eventId, type, occurredAt, dataJson, scope == null ? List.of() : List.of(scope));
    }

    /**
     * As {@link #append(UUID, String, Instant, String)}, also for the subscriptions that watch any
     * of {@code scopes} (an office-hours event reaches its attendee and its hosts, {@code person:<id>}).
     */
    public int append(UUID eventId, String type, Instant occurredAt, String dataJson, List<String> scopes) {
        // one statement, one round trip: events are written on the path of the change that caused them
        return jdbc.sql("""
                WITH e AS (INSERT INTO webhook_events (id, type, occurred_at, data) VALUES (?, ?, ?, CAST(? AS JSONB)) RETURNING id)
                INSERT INTO webhook_deliveries (event_id, subscription_id, status, next_attempt_at, created_at)
                SELECT e.id, s.id, 'PENDING', ?, ? FROM e, webhook_subscriptions s
                WHERE s.event_type = ? AND s.enabled AND s.deleted_at IS NULL AND (s.scope IS NULL OR s.scope = ANY(?))""")
                .params(eventId, type, Timestamps.of(occurredAt), dataJson, Timestamps.of(occurredAt), Timestamps.of(occurredAt),
                        type, scopes.toArray(String[]::new)).update();
    }

    /**
     * An event for one subscription only, e.g. a recipe run for its recipe's target: delivered,
     * retried and logged like any other, but fanned out to nobody else.
     */
    public void appendTo(UUID eventId, String type, Instant occurredAt, String dataJson, UUID subscriptionId) {
        jdbc.sql("""
                WITH e AS (INSERT INTO webhook_events (id, type, occurred_at, data) VALUES (?, ?, ?, CAST(? AS JSONB)) RETURNING id)
                INSERT INTO webhook_deliveries (event_id, subscription_id, status, next_attempt_at, created_at)
                SELECT e.id, ?, 'PENDING', ?, ? FROM e""")
                .params(eventId, type, Timestamps.of(occurredAt), dataJson, subscriptionId, Timestamps.of(occurredAt),
                        Timestamps.of(occurredAt)).update();
    }

    /**
     * An event to store: {@code scopes} name who, besides the subscribers to the whole type, gets
     * it ({@code recipe:expense-reminder}, {@code person:12}).
     */
    public record NewEvent(UUID id, String type, Instant occurredAt, String dataJson, List<String> scopes) {

        public NewEvent {
            for (String scope : scopes) {
                if (scope.contains(",")) {
                    throw new IllegalArgumentException("A scope has no commas: " + scope);
                }
            }
        }
    }

    /**
     * Stores events of any types at once, each with a pending delivery for every live subscription
     * to its type (and to its scopes): one statement for one event, two for any number.
     *
     * @return how many deliveries were created
     */
    public int appendAll(List<NewEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        if (events.size() == 1) {
            NewEvent e = events.getFirst();
            return append(e.id(), e.type(), e.occurredAt(), e.dataJson(), e.scopes());
        }
        int n = events.size();
        String[] ids = new String[n];
        String[] types = new String[n];
        String[] times = new String[n];
        String[] data = new String[n];
        String[] scopes = new String[n];
        for (int i = 0; i < n; i++) {
            NewEvent e = events.get(i);
            ids[i] = e.id().toString();
            types[i] = e.type();
            times[i] = e.occurredAt().toString();
            data[i] = e.dataJson();
            scopes[i] = String.join(",", e.scopes());
        }
        jdbc.sql("INSERT INTO webhook_events (id, type, occurred_at, data) SELECT CAST(e.id AS UUID), e.type,"
                        + " CAST(e.at AS TIMESTAMPTZ), CAST(e.data AS JSONB)"
                        + " FROM unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]))"
                        + " AS e(id, type, at, data)")
                .params(ids, types, times, data).update();
        return jdbc.sql("INSERT INTO webhook_deliveries (event_id, subscription_id, status, next_attempt_at, created_at)"
                        + " SELECT CAST(e.id AS UUID), s.id, 'PENDING', CAST(e.at AS TIMESTAMPTZ), CAST(e.at AS TIMESTAMPTZ)"
                        + " FROM unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]))"
                        + " AS e(id, type, at, scopes)"
                        + " JOIN webhook_subscriptions s ON s.event_type = e.type AND s.enabled AND s.deleted_at IS NULL"
                        + " AND (s.scope IS NULL OR s.scope = ANY(string_to_array(NULLIF(e.scopes, ''), ',')))")
                .params(ids, types, times, scopes).update();
    }

    /** A test event for one subscription only, kept out of the recent-events list. */
    public long appendTest(UUID eventId, String type, Instant occurredAt, String dataJson, UUID subscriptionId) {
        jdbc.sql("INSERT INTO webhook_events (id, type, occurred_at, data, test) VALUES (?, ?, ?, CAST(? AS JSONB), TRUE)")
                .params(eventId, type, Timestamps.of(occurredAt), dataJson).update();
        return jdbc.sql("""
                INSERT INTO webhook_deliveries (event_id, subscription_id, status, next_attempt_at, created_at)
                VALUES (?, ?, 'PENDING', ?, ?) RETURNING id""")
                .params(eventId, subscriptionId, Timestamps.of(occurredAt), Timestamps.of(occurredAt))
                .query(Long.class).single();
    }

    /** How many test events a subscription was sent after {@code since}. */
    public long testsSince(UUID subscriptionId, Instant since) {
        return jdbc.sql("""
                SELECT count(*) FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
                WHERE d.subscription_id = ? AND e.test AND d.created_at > ?""")
                .params(subscriptionId, Timestamps.of(since)).query(Long.class).single();
    }

    /** The latest real events of a type, newest first. */
    public List<EventRow> recent(String type, int limit) {
        return jdbc.sql("SELECT id, type, occurred_at, data::text AS data FROM webhook_events"
                        + " WHERE type = ? AND NOT test ORDER BY occurred_at DESC, id DESC LIMIT ?")
                .params(type, limit)
                .query((rs, n) -> new EventRow(rs.getObject("id", UUID.class), rs.getString("type"),
                        Timestamps.read(rs, "occurred_at"), rs.getString("data")))
                .list();
    }

    /**
     * Deletes up to {@code limit} events that happened before {@code cutoff} and have nothing left
     * to send, with their deliveries and attempts. Event ids are time-ordered (UUID version 7), so
     * "before" is a range of the primary key. Safe with several instances (SKIP LOCKED).
     *
     * @param firstIdAtCutoff the smallest id an event at {@code cutoff} can have
     * @return how many events were deleted
     */
    public int purgeFinished(Instant cutoff, UUID firstIdAtCutoff, int limit) {
        return jdbc.sql("""
                DELETE FROM webhook_events WHERE id IN (
                    SELECT e.id FROM webhook_events e
                    WHERE e.id < ? AND e.occurred_at < ?
                      AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d
                                      WHERE d.event_id = e.id AND d.status IN ('PENDING', 'FAILED'))
                    ORDER BY e.id LIMIT ?
                    FOR UPDATE SKIP LOCKED)""")
                .params(firstIdAtCutoff, Timestamps.of(cutoff), limit).update();
    }

    /** Forgets subscriptions deleted before {@code cutoff} once no delivery refers to them, secrets included. */
    public int purgeDeletedSubscriptions(Instant cutoff) {
        return jdbc.sql("""
                DELETE FROM webhook_subscriptions s WHERE s.deleted_at < ?
                  AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.subscription_id = s.id)""")
                .param(Timestamps.of(cutoff)).update();
    }

    public record EventRow(UUID id, String type, Instant occurredAt, String dataJson) {
    }
}
