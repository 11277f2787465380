package engawa.db.notifications;

import engawa.db.shared.Timestamps;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * E-mails waiting to go, written in the transaction that made them true. {@link #claimDue} locks
 * what it returns until the caller's transaction ends, skipping rows another instance holds: each
 * e-mail is sent by one instance, and one that died mid-way leaves its rows to the next claim.
 */
@Repository
public class EmailOutbox {

    private final JdbcClient jdbc;

    public EmailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int enqueueAll(List<NewEmail> emails, Instant at) {
        if (emails.isEmpty()) {
            return 0;
        }
        int n = emails.size();
        Long[] recipients = new Long[n];
        String[] to = new String[n];
        String[] subjects = new String[n];
        String[] texts = new String[n];
        String[] htmls = new String[n];
        String[] topics = new String[n];
        String[] reasons = new String[n];
        String[] notBefore = new String[n];
        for (int i = 0; i < n; i++) {
            NewEmail e = emails.get(i);
            recipients[i] = e.recipientId();
            to[i] = e.to();
            subjects[i] = e.subject();
            texts[i] = e.text();
            htmls[i] = e.html();
            topics[i] = e.topic();
            reasons[i] = e.reason();
            notBefore[i] = e.notBefore().toString();
        }
        return jdbc.sql("""
                INSERT INTO email_outbox (recipient_id, to_address, subject, text_body, html_body, topic, reason, status,
                                          next_attempt_at, created_at)
                SELECT r, t, s, x, h, p, w, 'PENDING', CAST(nb AS TIMESTAMPTZ), ?
                FROM unnest(CAST(? AS BIGINT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]),
                            CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[])) AS e(r, t, s, x, h, p, w, nb)""")
                .params(Timestamps.of(at), recipients, to, subjects, texts, htmls, topics, reasons, notBefore).update();
    }

    public record DueEmail(long id, String to, String subject, String text, String html, int attempts) {
    }

    /** Locks up to {@code limit} e-mails due now for the caller's transaction. */
    public List<DueEmail> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id, to_address, subject, text_body, html_body, attempts FROM email_outbox
                WHERE status = 'PENDING' AND next_attempt_at <= ?
                ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(Timestamps.of(now), limit)
                .query((rs, i) -> new DueEmail(rs.getLong("id"), rs.getString("to_address"), rs.getString("subject"),
                        rs.getString("text_body"), rs.getString("html_body"), rs.getInt("attempts")))
                .list();
    }

    public void sent(long id, Instant at) {
        jdbc.sql("UPDATE email_outbox SET status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?")
                .params(Timestamps.of(at), id).update();
    }

    /** @param next null: given up */
    public void failed(long id, String error, Instant next) {
        jdbc.sql("UPDATE email_outbox SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at)"
                        + " WHERE id = ?")
                .params(next == null ? "DEAD" : "PENDING", error.length() > 1000 ? error.substring(0, 1000) : error,
                        next == null ? null : Timestamps.of(next), id)
                .update();
    }

    /** What the admins' list shows: to whom, about what and why, when and how it went; no bodies. */
    public record SentEmail(long id, String to, String recipientName, String subject, String topic, String reason,
            String status, int attempts, String lastError, Instant createdAt, Instant sentAt) {
    }

    public List<SentEmail> recent(int offset, int limit) {
        return jdbc.sql("""
                SELECT e.id, e.to_address, u.display_name, e.subject, e.topic, e.reason, e.status, e.attempts, e.last_error,
                       e.created_at, e.sent_at
                FROM email_outbox e LEFT JOIN users u ON u.id = e.recipient_id
                ORDER BY e.created_at DESC, e.id DESC OFFSET ? LIMIT ?""")
                .params(offset, limit)
                .query((rs, i) -> new SentEmail(rs.getLong("id"), rs.getString("to_address"), rs.getString("display_name"),
                        rs.getString("subject"), rs.getString("topic"), rs.getString("reason"), rs.getString("status"),
                        rs.getInt("attempts"), rs.getString("last_error"), Timestamps.read(rs, "created_at"),
                        Timestamps.read(rs, "sent_at")))
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM email_outbox").query(Long.class).single();
    }

    public long pending() {
        return jdbc.sql("SELECT count(*) FROM email_outbox WHERE status = 'PENDING'").query(Long.class).single();
    }

    /** Housekeeping: what went (or was given up) before {@code before}. */
    public int forgetFinishedBefore(Instant before) {
        return jdbc.sql("DELETE FROM email_outbox WHERE status <> 'PENDING' AND created_at < ?").param(Timestamps.of(before))
                .update();
    }
}
