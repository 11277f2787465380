package engawa.db.officehours;

import engawa.db.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-ups in plain SQL. Whoever changes the seats of a session holds its row lock
 * ({@link OfficeHours#lockSession}) first, so the count of confirmed people and the waitlist's
 * order are decided one person at a time, across instances.
 */
@Repository
public class Signups {

    private static final String SELECT = """
            SELECT g.*, u.username, u.display_name, u.email, r.slug AS recipe_slug, r.title_en AS recipe_title
            FROM office_signups g JOIN users u ON u.id = g.user_id LEFT JOIN recipes r ON r.id = g.recipe_id
            """;

    private final JdbcClient jdbc;

    public Signups(JdbcTemplate template) {
        this.jdbc = JdbcClient.create(template);
    }

    /** The person's live sign-up (confirmed or waitlisted) for a session. */
    public Optional<SignupRow> active(long sessionId, long userId) {
        return jdbc.sql(SELECT + " WHERE g.session_id = ? AND g.user_id = ? AND g.status <> 'CANCELLED'")
                .params(sessionId, userId).query(Signups::row).optional();
    }

    public Optional<SignupRow> find(long id) {
        return jdbc.sql(SELECT + " WHERE g.id = ?").param(id).query(Signups::row).optional();
    }

    /** Call with the session's row locked; a confirmed seat is counted on the session in the same breath. */
    public long insert(long sessionId, long userId, SignupStatus status, String wish, Instant dropByAt, Long addedBy, Instant at) {
        long id = jdbc.sql("""
                INSERT INTO office_signups (session_id, user_id, status, wish, drop_by_at, added_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(sessionId, userId, status.name(), wish, Timestamps.of(dropByAt), addedBy, Timestamps.of(at))
                .query(Long.class).single();
        if (status == SignupStatus.CONFIRMED) {
            seats(sessionId, 1);
        }
        return id;
    }

    /** Call with the session's row locked. @return false when it was not live any more */
    public boolean cancel(SignupRow signup, Instant at) {
        boolean done = jdbc.sql("UPDATE office_signups SET status = 'CANCELLED', cancelled_at = ? WHERE id = ? AND status <> 'CANCELLED'")
                .params(Timestamps.of(at), signup.id()).update() == 1;
        if (done && signup.status() == SignupStatus.CONFIRMED) {
            seats(signup.sessionId(), -1);
        }
        return done;
    }

    /** The first in line gets the seat; call with the session's row locked. */
    public Optional<SignupRow> promoteFirst(long sessionId, Instant at) {
        Optional<Long> first = jdbc.sql("""
                UPDATE office_signups SET status = 'CONFIRMED', promoted_at = ?
                WHERE id = (SELECT id FROM office_signups WHERE session_id = ? AND status = 'WAITLISTED' ORDER BY id LIMIT 1)
                RETURNING id""").params(Timestamps.of(at), sessionId).query(Long.class).optional();
        first.ifPresent(id -> seats(sessionId, 1));
        return first.flatMap(this::find);
    }

    private void seats(long sessionId, int delta) {
        jdbc.sql("UPDATE office_sessions SET confirmed = confirmed + ? WHERE id = ?").params(delta, sessionId).update();
    }

    /** 1 for the first in line. */
    public int position(SignupRow signup) {
        return jdbc.sql("SELECT count(*) FROM office_signups WHERE session_id = ? AND status = 'WAITLISTED' AND id <= ?")
                .params(signup.sessionId(), signup.id()).query(Integer.class).single();
    }

    public void changeWish(long id, String wish, Instant dropByAt) {
        jdbc.sql("UPDATE office_signups SET wish = ?, drop_by_at = ? WHERE id = ?").params(wish, Timestamps.of(dropByAt), id).update();
    }

    /** Confirmed first, then the waitlist, each in arrival order. */
    public List<SignupRow> ofSession(long sessionId, int offset, int limit) {
        return jdbc.sql(SELECT + """
                 WHERE g.session_id = ? AND g.status <> 'CANCELLED'
                 ORDER BY CASE g.status WHEN 'CONFIRMED' THEN 0 ELSE 1 END, g.id LIMIT ? OFFSET ?""")
                .params(sessionId, limit, offset).query(Signups::row).list();
    }

    /** Who is coming to a date (confirmed or waiting), to tell them when it changes. */
    public List<Long> activeUserIds(long sessionId) {
        return jdbc.sql("SELECT user_id FROM office_signups WHERE session_id = ? AND status <> 'CANCELLED'")
                .param(sessionId).query(Long.class).list();
    }

    /** Who is coming to any date of a series from {@code from} on. */
    public List<Long> activeUserIdsOfSeries(long seriesId, Instant from) {
        return jdbc.sql("""
                SELECT DISTINCT g.user_id FROM office_signups g JOIN office_sessions o ON o.id = g.session_id
                WHERE o.series_id = ? AND g.status <> 'CANCELLED' AND o.ends_at > ?""")
                .params(seriesId, Timestamps.of(from)).query(Long.class).list();
    }

    /** The people who wrote a wish (as grouped by its key) at any date of a series. */
    public List<Long> wisherIds(long seriesId, String wishKey) {
        return jdbc.sql("""
                SELECT DISTINCT g.user_id FROM office_signups g JOIN office_sessions o ON o.id = g.session_id
                WHERE o.series_id = ? AND g.status <> 'CANCELLED'
                  AND lower(regexp_replace(btrim(g.wish), '\\s+', ' ', 'g')) = ?""")
                .params(seriesId, wishKey).query(Long.class).list();
    }

    public long countOfSession(long sessionId) {
        return jdbc.sql("SELECT count(*) FROM office_signups WHERE session_id = ? AND status <> 'CANCELLED'")
                .param(sessionId).query(Long.class).single();
    }

    public void markAttended(long id, Boolean attended) {
        jdbc.sql("UPDATE office_signups SET attended = ? WHERE id = ?").params(attended, id).update();
    }

    public void linkRecipe(long id, Long recipeId) {
        jdbc.sql("UPDATE office_signups SET recipe_id = ? WHERE id = ?").params(recipeId, id).update();
    }

    /** A sign-up due for its reminder, claimed. */
    public record Due(long signupId, long sessionId, long userId) {
    }

    /**
     * Marks confirmed sign-ups whose session starts within its series' reminder time as reminded
     * and returns them, each once across instances (SKIP LOCKED; the caller sends the reminder in
     * the same transaction, so marking and sending commit together).
     */
    public List<Due> claimReminders(Instant now, int limit) {
        return jdbc.sql("""
                UPDATE office_signups g SET reminded_at = ?
                WHERE g.id IN (SELECT q.id FROM office_signups q JOIN office_sessions o ON o.id = q.session_id
                               JOIN office_series s ON s.id = o.series_id
                               WHERE q.status = 'CONFIRMED' AND q.reminded_at IS NULL AND o.cancelled_at IS NULL
                                 AND s.cancelled_at IS NULL AND o.starts_at > ?
                                 AND o.starts_at <= ? + make_interval(mins => s.reminder_minutes)
                               ORDER BY o.starts_at, q.id LIMIT ? FOR UPDATE OF q SKIP LOCKED)
                RETURNING g.id, g.session_id, g.user_id""")
                .params(Timestamps.of(now), Timestamps.of(now), Timestamps.of(now), limit)
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("session_id"), rs.getLong("user_id"))).list();
    }

    /** A person's sign-ups from {@code from} on, soonest first. */
    public List<SignupRow> ofPerson(long userId, Instant from, int offset, int limit) {
        return jdbc.sql(SELECT + """
                 JOIN office_sessions o ON o.id = g.session_id
                 WHERE g.user_id = ? AND g.status <> 'CANCELLED' AND o.ends_at > ? ORDER BY o.starts_at, g.id LIMIT ? OFFSET ?""")
                .params(userId, Timestamps.of(from), limit, offset).query(Signups::row).list();
    }

    /** What people said they want to automate in a series, most wanted first. */
    public List<Wish> wishes(long seriesId, int limit) {
        return jdbc.sql("""
                WITH w AS (
                    SELECT lower(regexp_replace(btrim(g.wish), '\\s+', ' ', 'g')) AS k, g.wish, g.id, g.user_id
                    FROM office_signups g JOIN office_sessions o ON o.id = g.session_id
                    WHERE o.series_id = ? AND g.status <> 'CANCELLED' AND btrim(coalesce(g.wish, '')) <> '')
                SELECT w.k, (array_agg(w.wish ORDER BY w.id))[1] AS text, count(DISTINCT w.user_id) AS people,
                       r.slug, r.title_en
                FROM w LEFT JOIN office_wish_recipes wr ON wr.series_id = ? AND wr.wish_key = w.k
                LEFT JOIN recipes r ON r.id = wr.recipe_id
                GROUP BY w.k, r.slug, r.title_en ORDER BY people DESC, w.k LIMIT ?""")
                .params(seriesId, seriesId, limit)
                .query((rs, n) -> new Wish(rs.getString("k"), rs.getString("text"), rs.getInt("people"), rs.getString("slug"),
                        rs.getString("title_en")))
                .list();
    }

    /**
     * Wishes several people wrote (active sign-ups only), so the next person may pick one and grouping
     * works; a wish one person wrote stays theirs and is never suggested to others.
     */
    public List<String> commonWishes(int limit) {
        return jdbc.sql("""
                SELECT (array_agg(btrim(wish) ORDER BY id))[1] FROM office_signups
                WHERE status <> 'CANCELLED' AND btrim(coalesce(wish, '')) <> ''
                GROUP BY lower(regexp_replace(btrim(wish), '\\s+', ' ', 'g'))
                HAVING count(DISTINCT user_id) >= 2
                ORDER BY count(DISTINCT user_id) DESC, 1 LIMIT ?""")
                .param(limit).query(String.class).list();
    }

    public void linkWish(long seriesId, String wishKey, long recipeId, Long userId, Instant at) {
        jdbc.sql("""
                INSERT INTO office_wish_recipes (series_id, wish_key, recipe_id, created_by, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (series_id, wish_key) DO UPDATE SET recipe_id = EXCLUDED.recipe_id""")
                .params(seriesId, wishKey, recipeId, userId, Timestamps.of(at)).update();
    }

    public Optional<Long> wishRecipe(long seriesId, String wishKey) {
        return jdbc.sql("SELECT recipe_id FROM office_wish_recipes WHERE series_id = ? AND wish_key = ?")
                .params(seriesId, wishKey).query(Long.class).optional();
    }

    /** An automation that came out of office hours: a wish made a recipe, or an attendee linked one. */
    public record Started(String slug, String title, String titleJa, long people) {
    }

    public List<Started> automationsStarted(int limit) {
        return jdbc.sql("""
                SELECT r.slug, r.title_en, r.title_ja, count(DISTINCT x.who) AS people FROM (
                    SELECT recipe_id, user_id AS who FROM office_signups WHERE recipe_id IS NOT NULL AND status <> 'CANCELLED'
                    UNION ALL SELECT recipe_id, NULL FROM office_wish_recipes) x
                JOIN recipes r ON r.id = x.recipe_id
                GROUP BY r.slug, r.title_en, r.title_ja ORDER BY people DESC, r.slug LIMIT ?""")
                .param(limit)
                .query((rs, n) -> new Started(rs.getString("slug"), rs.getString("title_en"), rs.getString("title_ja"),
                        rs.getLong("people")))
                .list();
    }

    public long countAutomationsStarted() {
        return jdbc.sql("""
                SELECT count(DISTINCT recipe_id) FROM (SELECT recipe_id FROM office_signups WHERE recipe_id IS NOT NULL
                AND status <> 'CANCELLED' UNION ALL SELECT recipe_id FROM office_wish_recipes) x""").query(Long.class).single();
    }

    static SignupRow row(ResultSet rs, int n) throws SQLException {
        return new SignupRow(rs.getLong("id"), rs.getLong("session_id"), rs.getLong("user_id"), rs.getString("username"),
                rs.getString("display_name"), rs.getString("email"), SignupStatus.valueOf(rs.getString("status")),
                rs.getString("wish"), Timestamps.read(rs, "drop_by_at"), (Boolean) rs.getObject("attended"),
                (Long) rs.getObject("recipe_id"), rs.getString("recipe_slug"), rs.getString("recipe_title"),
                Timestamps.read(rs, "created_at"), Timestamps.read(rs, "promoted_at"), Timestamps.read(rs, "cancelled_at"),
                Timestamps.read(rs, "reminded_at"));
    }
}
