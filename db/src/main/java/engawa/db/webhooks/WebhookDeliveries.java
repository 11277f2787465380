package engawa.db.webhooks;

import static engawa.db.shared.Texts.clean;

import engawa.db.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deliveries and their attempts in plain SQL. {@link #claimDue} locks rows with
 * {@code FOR UPDATE SKIP LOCKED}: call it in a transaction that stays open until the results are
 * recorded, so that another instance never takes the same rows, and a crashed instance's rows are
 * free again the moment its connection drops.
 */
@Repository
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
        // lock first, on the partial index alone; then read what sending needs for those rows only
        return jdbc.sql("""
                WITH claimed AS (
                    SELECT id FROM webhook_deliveries
                    WHERE status IN ('PENDING', 'FAILED') AND next_attempt_at <= ?
                    ORDER BY next_attempt_at
                    LIMIT ?
                    FOR UPDATE SKIP LOCKED)
                SELECT d.id, d.attempts, d.event_id, e.type, e.occurred_at, e.data::text AS data,
                       s.id AS subscription_id, s.target_url, s.secret_encrypted,
                       (s.enabled AND s.deleted_at IS NULL) AS live, s.disabled_reason, s.failing_since,
                       s.owner_id, s.scope
                FROM claimed c
                JOIN webhook_deliveries d ON d.id = c.id
                JOIN webhook_events e ON e.id = d.event_id
                JOIN webhook_subscriptions s ON s.id = d.subscription_id""")
                .params(Timestamps.of(now), limit)
                .query((rs, n) -> new DueDelivery(rs.getLong("id"), rs.getInt("attempts"), rs.getObject("event_id", UUID.class),
                        rs.getString("type"), Timestamps.read(rs, "occurred_at"), rs.getString("data"),
                        rs.getObject("subscription_id", UUID.class), rs.getString("target_url"),
                        rs.getBytes("secret_encrypted"), rs.getBoolean("live"), rs.getString("disabled_reason"),
                        Timestamps.read(rs, "failing_since"), rs.getObject("owner_id", Long.class), rs.getString("scope")))
                .list();
    }

    /**
     * Stores attempts and the deliveries' new state: one statement each for the whole batch
     * (arrays unnested by PostgreSQL), several times faster than a JDBC batch of single rows.
     */
    public void record(List<AttemptRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        int n = records.size();
        Long[] ids = new Long[n];
        String[] statuses = new String[n];
        Integer[] attempts = new Integer[n];
        Long[] next = new Long[n];
        Long[] at = new Long[n];
        Integer[] codes = new Integer[n];
        Integer[] latencies = new Integer[n];
        String[] errors = new String[n];
        String[] excerpts = new String[n];
        String[] stopped = new String[n];
        for (int i = 0; i < n; i++) {
            AttemptRecord r = records.get(i);
            ids[i] = r.deliveryId();
            statuses[i] = r.newStatus().name();
            attempts[i] = r.attempts();
            next[i] = micros(r.nextAttemptAt());
            at[i] = micros(r.attemptedAt());
            codes[i] = r.statusCode();
            latencies[i] = r.latencyMs();
            errors[i] = clean(r.error(), MAX_ERROR);
            excerpts[i] = clean(r.responseExcerpt(), Integer.MAX_VALUE);
            stopped[i] = clean(r.stoppedReason(), MAX_ERROR);
        }
        template.execute((java.sql.Connection c) -> {
            try (var history = c.prepareStatement("""
                    INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, latency_ms, error, response_excerpt)
                    SELECT id, last_attempt_at, COALESCE(last_status_code, 0), COALESCE(last_latency_ms, 0), last_error,
                           last_response_excerpt
                    FROM webhook_deliveries WHERE id = ANY(?) AND last_attempt_at IS NOT NULL""");
                 var update = c.prepareStatement("""
                    UPDATE webhook_deliveries d SET status = u.status, attempts = u.attempts,
                           next_attempt_at = TIMESTAMPTZ 'epoch' + u.next_us * INTERVAL '1 microsecond',
                           last_attempt_at = TIMESTAMPTZ 'epoch' + u.at_us * INTERVAL '1 microsecond',
                           last_status_code = u.code, last_latency_ms = u.latency, last_error = u.error,
                           last_response_excerpt = u.excerpt, stopped_reason = u.stopped
                    FROM unnest(?::bigint[], ?::varchar[], ?::int[], ?::bigint[], ?::bigint[], ?::int[], ?::int[],
                                ?::varchar[], ?::text[], ?::varchar[])
                         AS u(id, status, attempts, next_us, at_us, code, latency, error, excerpt, stopped)
                    WHERE d.id = u.id""")) {
                java.sql.Array idArray = c.createArrayOf("bigint", ids);
                // the attempt before this one becomes history; a first attempt costs no extra row
                history.setArray(1, idArray);
                history.executeUpdate();
                update.setArray(1, idArray);
                update.setArray(2, c.createArrayOf("varchar", statuses));
                update.setArray(3, c.createArrayOf("int4", attempts));
                update.setArray(4, c.createArrayOf("bigint", next));
                update.setArray(5, c.createArrayOf("bigint", at));
                update.setArray(6, c.createArrayOf("int4", codes));
                update.setArray(7, c.createArrayOf("int4", latencies));
                update.setArray(8, c.createArrayOf("varchar", errors));
                update.setArray(9, c.createArrayOf("text", excerpts));
                update.setArray(10, c.createArrayOf("varchar", stopped));
                update.executeUpdate();
            }
            return null;
        });
    }

    /** Microseconds since the epoch, PostgreSQL's own precision. */
    private static Long micros(Instant instant) {
        return instant == null ? null : Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    /** Gives up on deliveries without an attempt, e.g. because their subscription was turned off. */
    public void bury(Map<Long, String> reasonById) {
        if (reasonById.isEmpty()) {
            return;
        }
        template.batchUpdate("UPDATE webhook_deliveries SET status = 'DEAD', next_attempt_at = NULL, stopped_reason = ? WHERE id = ?",
                reasonById.entrySet().stream().map(e -> new Object[] {clean(e.getValue(), MAX_ERROR), e.getKey()}).toList());
    }

    /**
     * Gives up on a subscription's open deliveries. Rows another dispatcher holds right now are
     * skipped rather than waited for: that dispatcher finds the subscription off and buries them.
     */
    public int buryOpen(UUID subscriptionId, String reason) {
        return jdbc.sql("""
                UPDATE webhook_deliveries SET status = 'DEAD', next_attempt_at = NULL, stopped_reason = ?
                WHERE id IN (SELECT id FROM webhook_deliveries WHERE subscription_id = ? AND status IN ('PENDING', 'FAILED')
                             FOR UPDATE SKIP LOCKED)""")
                .params(clean(reason, MAX_ERROR), subscriptionId).update();
    }

    /** Starts a new round of the retry schedule, due at once. */
    public boolean redeliver(long id, Instant now) {
        return jdbc.sql("UPDATE webhook_deliveries SET status = 'PENDING', attempts = 0, next_attempt_at = ?, stopped_reason = NULL"
                        + " WHERE id = ?")
                .params(Timestamps.of(now), id).update() == 1;
    }

    public Optional<DeliveryRow> find(long id) {
        return jdbc.sql(SELECT + " WHERE d.id = ?").param(id).query(WebhookDeliveries::row).optional();
    }

    /**
     * Newest first. Every filter is optional (null). The status is written into the statement
     * (an enum name, never user text) so that the planner can use the partial index for it.
     */
    public List<DeliveryRow> list(DeliveryStatus status, UUID subscriptionId, Long ownerId, int offset, int limit) {
        return jdbc.sql(SELECT + " WHERE " + statusCondition(status)
                        + " AND (CAST(? AS UUID) IS NULL OR d.subscription_id = ?)"
                        + " AND (CAST(? AS BIGINT) IS NULL OR s.owner_id = ?)"
                        + " ORDER BY d.id DESC LIMIT ? OFFSET ?")
                .params(subscriptionId, subscriptionId, ownerId, ownerId, limit, offset)
                .query(WebhookDeliveries::row).list();
    }

    public long count(DeliveryStatus status, UUID subscriptionId, Long ownerId) {
        return jdbc.sql("SELECT count(*) FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id"
                        + " WHERE " + statusCondition(status)
                        + " AND (CAST(? AS UUID) IS NULL OR d.subscription_id = ?)"
                        + " AND (CAST(? AS BIGINT) IS NULL OR s.owner_id = ?)")
                .params(subscriptionId, subscriptionId, ownerId, ownerId)
                .query(Long.class).single();
    }

    private static String statusCondition(DeliveryStatus status) {
        return status == null ? "TRUE" : "d.status = '" + status.name() + "'";
    }

    /** Every attempt, oldest first: the earlier ones from the history, the latest from the delivery itself. */
    public List<AttemptRow> attempts(DeliveryRow delivery) {
        List<AttemptRow> all = new java.util.ArrayList<>(jdbc.sql("SELECT * FROM webhook_attempts WHERE delivery_id = ? ORDER BY id")
                .param(delivery.id())
                .query((rs, n) -> new AttemptRow(rs.getLong("id"), Timestamps.read(rs, "attempted_at"), rs.getInt("status_code"),
                        rs.getInt("latency_ms"), rs.getString("error"), rs.getString("response_excerpt")))
                .list());
        delivery.lastAttempt().ifPresent(all::add);
        return all;
    }

    private static DeliveryRow row(ResultSet rs, int n) throws SQLException {
        Integer code = rs.getObject("last_status_code", Integer.class);
        Integer latency = rs.getObject("last_latency_ms", Integer.class);
        Long owner = rs.getObject("owner_id", Long.class);
        return new DeliveryRow(rs.getLong("id"), rs.getObject("event_id", UUID.class), rs.getString("type"),
                Timestamps.read(rs, "occurred_at"), rs.getBoolean("test"), rs.getObject("subscription_id", UUID.class),
                rs.getString("target_url"), owner, DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                Timestamps.read(rs, "next_attempt_at"), Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "last_attempt_at"), code, latency, rs.getString("last_error"),
                rs.getString("last_response_excerpt"), rs.getString("stopped_reason"));
    }
}
