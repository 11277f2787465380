package engawa.db.officehours;

import engawa.db.shared.Timestamps;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Personal calendar feeds: one secret address per person, stored as a hash. */
@Repository
public class CalendarFeeds {

    private final JdbcClient jdbc;

    public CalendarFeeds(JdbcTemplate template) {
        this.jdbc = JdbcClient.create(template);
    }

    /** A new secret replaces the old one, which stops working at once. */
    public void replace(long userId, byte[] tokenHash, Instant at) {
        jdbc.sql("""
                INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at""")
                .params(userId, tokenHash, Timestamps.of(at)).update();
    }

    public Optional<Long> owner(byte[] tokenHash) {
        return jdbc.sql("""
                SELECT f.user_id FROM calendar_feeds f JOIN users u ON u.id = f.user_id
                WHERE f.token_hash = ? AND u.enabled""").param(tokenHash).query(Long.class).optional();
    }

    public Optional<Instant> createdAt(long userId) {
        return jdbc.sql("SELECT created_at FROM calendar_feeds WHERE user_id = ?").param(userId)
                .query((rs, n) -> Timestamps.read(rs, "created_at")).optional();
    }
}
