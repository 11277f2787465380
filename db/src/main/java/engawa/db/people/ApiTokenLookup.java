package engawa.db.people;

import engawa.db.shared.Timestamps;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The check every API request makes, in plain SQL: one indexed query for the token and its owner,
 * no ORM session and no transaction around it (the benchmark in bench/recipes.sh showed the ORM
 * path costing more than the work of most requests).
 */
@Repository
public class ApiTokenLookup {

    private final JdbcClient jdbc;

    public ApiTokenLookup(JdbcTemplate template) {
        this.jdbc = JdbcClient.create(template);
    }

    /** A token by the hash of its secret, with what deciding about it needs. */
    public record Match(long tokenId, Instant expiresAt, Instant revokedAt, Instant lastUsedAt, long userId,
            String username, Role role, boolean userEnabled) {

        public boolean usableAt(Instant now) {
            return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt)) && userEnabled;
        }

        public Match usedAt(Instant at) {
            return new Match(tokenId, expiresAt, revokedAt, at, userId, username, role, userEnabled);
        }
    }

    public Optional<Match> find(String tokenHash) {
        return jdbc.sql("""
                SELECT t.id, t.expires_at, t.revoked_at, t.last_used_at, u.id AS user_id, u.username, u.role, u.enabled
                FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?""")
                .param(tokenHash)
                .query((rs, n) -> new Match(rs.getLong("id"), Timestamps.read(rs, "expires_at"),
                        Timestamps.read(rs, "revoked_at"), Timestamps.read(rs, "last_used_at"), rs.getLong("user_id"), rs.getString("username"),
                        Role.valueOf(rs.getString("role")), rs.getBoolean("enabled")))
                .optional();
    }

    public void touch(long tokenId, Instant at) {
        jdbc.sql("UPDATE api_tokens SET last_used_at = ? WHERE id = ?").params(Timestamps.of(at), tokenId).update();
    }

    /** What a person may do now, as stored: every request of a browser session is checked against it. */
    public record Rights(long userId, Role role, boolean enabled, int sessionGeneration, boolean mustChangePassword) {
    }

    public Optional<Rights> rights(String username) {
        return jdbc.sql("SELECT id, role, enabled, session_generation, must_change_password FROM users WHERE username = ?")
                .param(username)
                .query((rs, n) -> new Rights(rs.getLong("id"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
                        rs.getInt("session_generation"), rs.getBoolean("must_change_password")))
                .optional();
    }

    /** A person's name, role and access by id: who a subscription acts for when its events go out. */
    public record Person(String username, Role role, boolean enabled) {
    }

    public Optional<Person> person(long userId) {
        return jdbc.sql("SELECT username, role, enabled FROM users WHERE id = ?").param(userId)
                .query((rs, n) -> new Person(rs.getString("username"), Role.valueOf(rs.getString("role")),
                        rs.getBoolean("enabled")))
                .optional();
    }

    /** A person's id by username, for every service call that asks who is calling. */
    public Optional<Long> userId(String username) {
        return jdbc.sql("SELECT id FROM users WHERE username = ?").param(username).query(Long.class).optional();
    }
}
