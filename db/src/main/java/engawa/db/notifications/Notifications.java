package engawa.db.notifications;

import engawa.db.shared.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People's inboxes, in plain SQL: written in batches, read a page at a time, counted from a partial index. */
@Repository
public class Notifications {

    private final JdbcClient jdbc;

    public Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes them all in one statement (arrays unnested by PostgreSQL); those whose dedupe key
     * exists already are left out.
     *
     * @return the ids written, in no particular order, with their recipients
     */
    public List<Written> insertAll(List<NewNotification> all, Instant at) {
        if (all.isEmpty()) {
            return List.of();
        }
        int n = all.size();
        Long[] recipients = new Long[n];
        String[] topics = new String[n];
        String[] messages = new String[n];
        String[] args = new String[n];
        String[] links = new String[n];
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            NewNotification x = all.get(i);
            recipients[i] = x.recipientId();
            topics[i] = x.topic();
            messages[i] = x.message();
            args[i] = x.argsJson();
            links[i] = x.link();
            keys[i] = x.dedupeKey();
        }
        return jdbc.sql("""
                INSERT INTO notifications (recipient_id, topic, message, args, link, dedupe_key, created_at)
                SELECT r, t, m, CAST(a AS JSONB), l, k, ?
                FROM unnest(CAST(? AS BIGINT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]),
                            CAST(? AS TEXT[])) AS x(r, t, m, a, l, k)
                ON CONFLICT (dedupe_key) DO NOTHING
                RETURNING id, recipient_id""")
                .params(Timestamps.of(at), recipients, topics, messages, args, links, keys)
                .query((rs, i) -> new Written(rs.getLong("id"), rs.getLong("recipient_id"))).list();
    }

    public record Written(long id, long recipientId) {
    }

    /** A page of a person's inbox, newest first; {@code unreadOnly} leaves out what they have read. */
    public List<NotificationRow> page(long recipientId, boolean unreadOnly, String topic, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = inbox(recipientId, unreadOnly, topic, params);
        params.add(offset);
        params.add(limit);
        return jdbc.sql("SELECT * FROM notifications WHERE " + where + " ORDER BY id DESC OFFSET ? LIMIT ?")
                .params(params).query(Notifications::row).list();
    }

    public long count(long recipientId, boolean unreadOnly, String topic) {
        List<Object> params = new ArrayList<>();
        String where = inbox(recipientId, unreadOnly, topic, params);
        return jdbc.sql("SELECT count(*) FROM notifications WHERE " + where).params(params).query(Long.class).single();
    }

    /** The condition of one inbox view, the same for its pages and its count; adds its parameters. */
    private static String inbox(long recipientId, boolean unreadOnly, String topic, List<Object> params) {
        StringBuilder where = new StringBuilder("recipient_id = ?");
        params.add(recipientId);
        if (unreadOnly) {
            where.append(" AND read_at IS NULL");
        }
        if (topic != null) {
            where.append(" AND topic = ?");
            params.add(topic);
        }
        return where.toString();
    }

    /** The bell's number. */
    public long unread(long recipientId) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE recipient_id = ? AND read_at IS NULL")
                .param(recipientId).query(Long.class).single();
    }

    /** @return whether it was the recipient's and unread */
    public boolean markRead(long id, long recipientId, Instant at) {
        return jdbc.sql("UPDATE notifications SET read_at = ? WHERE id = ? AND recipient_id = ? AND read_at IS NULL")
                .params(Timestamps.of(at), id, recipientId).update() == 1;
    }

    public java.util.Optional<NotificationRow> find(long id, long recipientId) {
        return jdbc.sql("SELECT * FROM notifications WHERE id = ? AND recipient_id = ?").params(id, recipientId)
                .query(Notifications::row).optional();
    }

    public boolean exists(long id, long recipientId) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE id = ? AND recipient_id = ?").params(id, recipientId)
                .query(Long.class).single() > 0;
    }

    public int markAllRead(long recipientId, Instant at) {
        return jdbc.sql("UPDATE notifications SET read_at = ? WHERE recipient_id = ? AND read_at IS NULL")
                .params(Timestamps.of(at), recipientId).update();
    }

    /** Housekeeping: read notifications older than {@code before}. */
    public int forgetReadBefore(Instant before) {
        return jdbc.sql("DELETE FROM notifications WHERE read_at IS NOT NULL AND created_at < ?")
                .param(Timestamps.of(before)).update();
    }

    private static NotificationRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new NotificationRow(rs.getLong("id"), rs.getLong("recipient_id"), rs.getString("topic"),
                rs.getString("message"), rs.getString("args"), rs.getString("link"), Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "read_at"));
    }
}
