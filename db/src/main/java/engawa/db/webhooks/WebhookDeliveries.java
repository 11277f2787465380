package engawa.db.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deliveries and their attempts in plain SQL. {@link #claimDue} locks rows with
 * {@code FOR UPDATE SKIP LOCKED}: call it in a transaction that stays open until the results are
 * recorded, so that another instance never takes the same rows, and a crashed instance's rows are
 * free again the moment its connection drops.
 */
public class WebhookDeliveries {

    static final int MAX_ERROR = 1000;

    private static final String SELECT = """
            SELECT d.*, e.type, e.occurred_at, e.test, s.target_url, s.owner_id
            FROM webhook_deliveries d
            JOIN webhook_events e ON e.id = d.event_id
            JOIN webhook_subscriptions s ON s.id = d.subscription_id
            """;

    private final JdbcTemplate template;
    private final JdbcClient jdbc;

    public WebhookDeliveries(JdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
    }

    public List<DueDelivery> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT d.id, d.attempts, d.event_id, e.type, e.occurred_at, e.data::text AS data,
                       s.id AS subscription_id, s.target_url, s.secret_encrypted,
                       (s.enabled AND s.deleted_at IS NULL) AS live, s.disabled_reason, s.failing_since
                FROM webhook_deliveries d
                JOIN webhook_events e ON e.id = d.event_id
                JOIN webhook_subscriptions s ON s.id = d.subscription_id
                WHERE d.status IN ('PENDING', 'FAILED') AND d.next_attempt_at <= ?
                ORDER BY d.next_attempt_at
                LIMIT ?
                FOR UPDATE OF d SKIP LOCKED""")
                .params(Timestamps.of(now), limit)
                .query((rs, n) -> new DueDelivery(rs.getLong("id"), rs.getInt("attempts"), rs.getObject("event_id", UUID.class),
                        rs.getString("type"), Timestamps.read(rs, "occurred_at"), rs.getString("data"),
                        rs.getObject("subscription_id", UUID.class), rs.getString("target_url"),
                        rs.getBytes("secret_encrypted"), rs.getBoolean("live"), rs.getString("disabled_reason"),
                        Timestamps.read(rs, "failing_since")))
                .list();
    }

    /** Stores attempts and the deliveries' new state, in two batched statements. */
    public void record(List<AttemptRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<Object[]> updates = new ArrayList<>(records.size());
        List<Object[]> attempts = new ArrayList<>(records.size());
        for (AttemptRecord r : records) {
            String error = clean(r.error(), MAX_ERROR);
            updates.add(new Object[] {r.newStatus().name(), r.attempts(), Timestamps.of(r.nextAttemptAt()),
                    Timestamps.of(r.attemptedAt()), r.statusCode(), error, r.deliveryId()});
            attempts.add(new Object[] {r.deliveryId(), Timestamps.of(r.attemptedAt()), r.statusCode(), r.latencyMs(), error,
                    clean(r.responseExcerpt(), Integer.MAX_VALUE)});
        }
        template.batchUpdate("UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?,"
                + " last_attempt_at = ?, last_status_code = ?, last_error = ? WHERE id = ?", updates);
        template.batchUpdate("INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, latency_ms, error,"
                + " response_excerpt) VALUES (?, ?, ?, ?, ?, ?)", attempts);
    }

    /** Gives up on deliveries without an attempt, e.g. because their subscription was turned off. */
    public void bury(Map<Long, String> reasonById) {
        if (reasonById.isEmpty()) {
            return;
        }
        template.batchUpdate("UPDATE webhook_deliveries SET status = 'DEAD', next_attempt_at = NULL, last_error = ? WHERE id = ?",
                reasonById.entrySet().stream().map(e -> new Object[] {clean(e.getValue(), MAX_ERROR), e.getKey()}).toList());
    }

    /**
     * Gives up on a subscription's open deliveries. Rows another dispatcher holds right now are
     * skipped rather than waited for: that dispatcher finds the subscription off and buries them.
     */
    public int buryOpen(UUID subscriptionId, String reason) {
        return jdbc.sql("""
                UPDATE webhook_deliveries SET status = 'DEAD', next_attempt_at = NULL, last_error = ?
                WHERE id IN (SELECT id FROM webhook_deliveries WHERE subscription_id = ? AND status IN ('PENDING', 'FAILED')
                             FOR UPDATE SKIP LOCKED)""")
                .params(clean(reason, MAX_ERROR), subscriptionId).update();
    }

    /** Starts a new round of the retry schedule, due at once. */
    public boolean redeliver(long id, Instant now) {
        return jdbc.sql("UPDATE webhook_deliveries SET status = 'PENDING', attempts = 0, next_attempt_at = ? WHERE id = ?")
                .params(Timestamps.of(now), id).update() == 1;
    }

    public Optional<DeliveryRow> find(long id) {
        return jdbc.sql(SELECT + " WHERE d.id = ?").param(id).query(WebhookDeliveries::row).optional();
    }

    /** Newest first. Every filter is optional (null). */
    public List<DeliveryRow> list(DeliveryStatus status, UUID subscriptionId, Long ownerId, int offset, int limit) {
        return jdbc.sql(SELECT + """
                         WHERE (CAST(? AS VARCHAR) IS NULL OR d.status = ?)
                           AND (CAST(? AS UUID) IS NULL OR d.subscription_id = ?)
                           AND (CAST(? AS BIGINT) IS NULL OR s.owner_id = ?)
                         ORDER BY d.id DESC LIMIT ? OFFSET ?""")
                .params(name(status), name(status), subscriptionId, subscriptionId, ownerId, ownerId, limit, offset)
                .query(WebhookDeliveries::row).list();
    }

    public long count(DeliveryStatus status, UUID subscriptionId, Long ownerId) {
        return jdbc.sql("""
                        SELECT count(*) FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
                         WHERE (CAST(? AS VARCHAR) IS NULL OR d.status = ?)
                           AND (CAST(? AS UUID) IS NULL OR d.subscription_id = ?)
                           AND (CAST(? AS BIGINT) IS NULL OR s.owner_id = ?)""")
                .params(name(status), name(status), subscriptionId, subscriptionId, ownerId, ownerId)
                .query(Long.class).single();
    }

    public List<AttemptRow> attempts(long deliveryId) {
        return jdbc.sql("SELECT * FROM webhook_attempts WHERE delivery_id = ? ORDER BY id").param(deliveryId)
                .query((rs, n) -> new AttemptRow(rs.getLong("id"), Timestamps.read(rs, "attempted_at"), rs.getInt("status_code"),
                        rs.getInt("latency_ms"), rs.getString("error"), rs.getString("response_excerpt")))
                .list();
    }

    private static String name(DeliveryStatus status) {
        return status == null ? null : status.name();
    }

    /** PostgreSQL text cannot hold NUL; a receiver's reply must never make a batch fail. */
    static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        String cleaned = text.replace('\u0000', '\uFFFD');
        return cleaned.length() <= max ? cleaned : cleaned.substring(0, max);
    }

    private static DeliveryRow row(ResultSet rs, int n) throws SQLException {
        Integer code = rs.getObject("last_status_code", Integer.class);
        Long owner = rs.getObject("owner_id", Long.class);
        return new DeliveryRow(rs.getLong("id"), rs.getObject("event_id", UUID.class), rs.getString("type"),
                Timestamps.read(rs, "occurred_at"), rs.getBoolean("test"), rs.getObject("subscription_id", UUID.class),
                rs.getString("target_url"), owner, DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                Timestamps.read(rs, "next_attempt_at"), Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "last_attempt_at"), code, rs.getString("last_error"));
    }
}
