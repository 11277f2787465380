package engawa.db.webhooks;

import engawa.db.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Subscriptions in plain SQL; deleting one only marks it, so the delivery log keeps its target. */
@Repository
public class WebhookSubscriptions {

    private static final String SELECT = """
            SELECT s.*, u.username AS owner_username, u.display_name AS owner_name
            FROM webhook_subscriptions s LEFT JOIN users u ON u.id = s.owner_id
            """;

    private final JdbcClient jdbc;

    public WebhookSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Recipe targets: subscriptions that only their recipe's runs are addressed to, never listed with the others. */
    public static final String RECIPE_TARGET_TYPE = "recipe.run";

    public void insert(UUID id, String eventType, String targetUrl, byte[] secretEncrypted, Long ownerId, Instant createdAt) {
        insert(id, eventType, targetUrl, secretEncrypted, ownerId, createdAt, null);
    }

    /** @param scope null for every event of the type, else e.g. {@code recipe:expense-reminder} */
    public void insert(UUID id, String eventType, String targetUrl, byte[] secretEncrypted, Long ownerId, Instant createdAt,
            String scope) {
        jdbc.sql("""
                INSERT INTO webhook_subscriptions (id, event_type, target_url, secret_encrypted, owner_id, created_at, scope)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, eventType, targetUrl, secretEncrypted, ownerId, Timestamps.of(createdAt), scope)
                .update();
    }

    /** A subscription that has not been deleted. */
    public Optional<WebhookSubscriptionRow> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE s.id = ? AND s.deleted_at IS NULL").param(id).query(WebhookSubscriptions::row).optional();
    }

    /** Newest first; {@code ownerId} null means everyone's. */
    public List<WebhookSubscriptionRow> list(Long ownerId, int offset, int limit) {
        return jdbc.sql(SELECT + " WHERE s.deleted_at IS NULL AND (CAST(? AS BIGINT) IS NULL OR s.owner_id = ?)"
                        + " AND s.event_type <> '" + RECIPE_TARGET_TYPE + "'"
                        + " ORDER BY s.created_at DESC, s.id LIMIT ? OFFSET ?")
                .params(ownerId, ownerId, limit, offset)
                .query(WebhookSubscriptions::row).list();
    }

    public long count(Long ownerId) {
        return jdbc.sql("SELECT count(*) FROM webhook_subscriptions WHERE deleted_at IS NULL"
                        + " AND event_type <> '" + RECIPE_TARGET_TYPE + "'"
                        + " AND (CAST(? AS BIGINT) IS NULL OR owner_id = ?)")
                .params(ownerId, ownerId).query(Long.class).single();
    }

    public boolean markDeleted(UUID id, Instant at) {
        return jdbc.sql("UPDATE webhook_subscriptions SET deleted_at = ?, enabled = FALSE,"
                        + " disabled_reason = COALESCE(disabled_reason, 'Unsubscribed'), disabled_at = COALESCE(disabled_at, ?)"
                        + " WHERE id = ? AND deleted_at IS NULL")
                .params(Timestamps.of(at), Timestamps.of(at), id).update() == 1;
    }

    /** Turns a live subscription off with a reason people can read; false when it was already off. */
    public boolean disable(UUID id, String reason, Instant at) {
        return jdbc.sql("UPDATE webhook_subscriptions SET enabled = FALSE, disabled_reason = ?, disabled_at = ?"
                        + " WHERE id = ? AND enabled AND deleted_at IS NULL")
                .params(reason, Timestamps.of(at), id).update() == 1;
    }

    public boolean enable(UUID id) {
        return jdbc.sql("UPDATE webhook_subscriptions SET enabled = TRUE, disabled_reason = NULL, disabled_at = NULL,"
                        + " failing_since = NULL WHERE id = ? AND deleted_at IS NULL")
                .param(id).update() == 1;
    }

    public void markFailingSince(UUID id, Instant since) {
        jdbc.sql("UPDATE webhook_subscriptions SET failing_since = ? WHERE id = ? AND failing_since IS NULL")
                .params(Timestamps.of(since), id).update();
    }

    public void clearFailing(UUID id) {
        jdbc.sql("UPDATE webhook_subscriptions SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL")
                .param(id).update();
    }

    static WebhookSubscriptionRow row(ResultSet rs, int n) throws SQLException {
        Long owner = rs.getObject("owner_id", Long.class);
        return new WebhookSubscriptionRow(rs.getObject("id", UUID.class), rs.getString("event_type"),
                rs.getString("target_url"), rs.getBytes("secret_encrypted"), owner,
                rs.getString("owner_username"), rs.getString("owner_name"), Timestamps.read(rs, "created_at"),
                rs.getBoolean("enabled"), rs.getString("disabled_reason"), Timestamps.read(rs, "disabled_at"),
                Timestamps.read(rs, "failing_since"), rs.getObject("deleted_at") != null, rs.getString("scope"));
    }
}
