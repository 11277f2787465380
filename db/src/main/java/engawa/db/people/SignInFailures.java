package engawa.db.people;

import engawa.db.shared.Timestamps;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed sign-ins counted per subject (an account or an address), in the database so that every
 * instance behind a load balancer counts the same tries.
 */
@Repository
public class SignInFailures {

    private final JdbcClient jdbc;

    public SignInFailures(JdbcTemplate template) {
        this.jdbc = JdbcClient.create(template);
    }

    /** Until when the subject must wait, if it must. */
    public Optional<Instant> blockedUntil(String subject, Instant now) {
        return jdbc.sql("SELECT blocked_until FROM sign_in_failures WHERE subject = ? AND blocked_until > ?")
                .params(subject, Timestamps.of(now))
                .query((rs, n) -> Timestamps.read(rs, "blocked_until"))
                .optional();
    }

    /**
     * Counts one more failure; failures older than {@code windowStart} are forgotten first.
     *
     * @return the failures in a row, this one included
     */
    public int fail(String subject, Instant now, Instant windowStart) {
        return jdbc.sql("""
                INSERT INTO sign_in_failures (subject, failures, last_failure_at) VALUES (?, 1, ?)
                ON CONFLICT (subject) DO UPDATE SET
                    failures = CASE WHEN sign_in_failures.last_failure_at < ? THEN 1 ELSE sign_in_failures.failures + 1 END,
                    blocked_until = CASE WHEN sign_in_failures.last_failure_at < ? THEN NULL
                                         ELSE sign_in_failures.blocked_until END,
                    last_failure_at = EXCLUDED.last_failure_at
                RETURNING failures""")
                .params(subject, Timestamps.of(now), Timestamps.of(windowStart), Timestamps.of(windowStart))
                .query(Integer.class).single();
    }

    public void block(String subject, Instant until) {
        jdbc.sql("UPDATE sign_in_failures SET blocked_until = ? WHERE subject = ?").params(Timestamps.of(until), subject).update();
    }

    /** A successful sign-in forgets the account's failures. */
    public void clear(String subject) {
        jdbc.sql("DELETE FROM sign_in_failures WHERE subject = ?").param(subject).update();
    }

    /** Housekeeping: rows nobody failed on since {@code before}. */
    public int forgetBefore(Instant before) {
        return jdbc.sql("DELETE FROM sign_in_failures WHERE last_failure_at < ? AND (blocked_until IS NULL OR blocked_until < ?)")
                .params(Timestamps.of(before), Timestamps.of(before)).update();
    }
}
