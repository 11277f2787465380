package engawa.db.recipes;

import engawa.db.shared.Texts;
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
 * Runs in plain SQL. Every change of state is one conditional statement ({@code WHERE status IN
 * (...)}), so a callback, the outbox's result and the no-answer sweep can race on the same run
 * and exactly one of them finishes it.
 */
@Repository
public class RecipeRuns {

    private static final String SELECT = """
            SELECT r.*, rc.slug, rc.title_en, rc.title_ja, u.username, u.display_name,
                   d.last_error AS delivery_error, d.next_attempt_at AS delivery_next, d.status AS delivery_status
            FROM recipe_runs r
            JOIN recipes rc ON rc.id = r.recipe_id
            LEFT JOIN users u ON u.id = r.requested_by
            LEFT JOIN LATERAL (SELECT last_error, next_attempt_at, status FROM webhook_deliveries
                               WHERE event_id = r.event_id ORDER BY id LIMIT 1) d ON r.status = 'QUEUED'
            """;

    private final JdbcClient jdbc;

    public RecipeRuns(JdbcTemplate template) {
        this.jdbc = JdbcClient.create(template);
    }

    public record NewRun(UUID id, long recipeId, int version, Long requestedBy, Instant requestedAt, String inputsJson,
            boolean test, UUID eventId, int minutesSaved, UUID retryOf) {
    }

    public void insert(NewRun run) {
        jdbc.sql("""
                INSERT INTO recipe_runs (id, recipe_id, version, requested_by, requested_at, inputs, test, status, event_id,
                    minutes_saved, retry_of)
                VALUES (?, ?, ?, ?, ?, CAST(? AS JSONB), ?, 'QUEUED', ?, ?, ?)""")
                .params(run.id(), run.recipeId(), run.version(), run.requestedBy(), Timestamps.of(run.requestedAt()),
                        run.inputsJson(), run.test(), run.eventId(), run.minutesSaved(), run.retryOf())
                .update();
    }

    public Optional<RunRow> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query(RecipeRuns::row).optional();
    }

    /** Several runs in one query, oldest first. */
    public List<RunRow> findAll(List<UUID> ids) {
        return ids.isEmpty() ? List.of()
                : jdbc.sql(SELECT + " WHERE r.id = ANY(?) ORDER BY r.id").param(ids.toArray(UUID[]::new)).query(RecipeRuns::row).list();
    }

    /** The statuses of several runs at once: what the run pages watch. */
    public Map<UUID, RunStatus> statuses(List<UUID> ids) {
        return jdbc.sql("SELECT id, status FROM recipe_runs WHERE id = ANY(?)")
                .param(ids.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), RunStatus.valueOf(rs.getString("status"))))
                .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Newest first. */
    public List<RunRow> byRecipe(long recipeId, int offset, int limit) {
        return jdbc.sql(SELECT + " WHERE r.recipe_id = ? ORDER BY r.id DESC LIMIT ? OFFSET ?")
                .params(recipeId, limit, offset).query(RecipeRuns::row).list();
    }

    public long countByRecipe(long recipeId) {
        return jdbc.sql("SELECT count(*) FROM recipe_runs WHERE recipe_id = ?").param(recipeId).query(Long.class).single();
    }

    /** Newest first. */
    public List<RunRow> byPerson(long userId, int offset, int limit) {
        return jdbc.sql(SELECT + " WHERE r.requested_by = ? ORDER BY r.id DESC LIMIT ? OFFSET ?")
                .params(userId, limit, offset).query(RecipeRuns::row).list();
    }

    public long countByPerson(long userId) {
        return jdbc.sql("SELECT count(*) FROM recipe_runs WHERE requested_by = ?").param(userId).query(Long.class).single();
    }

    /** A run that reached an end, for the recipe's health and the completion event. */
    public record Finished(UUID runId, long recipeId, RunStatus status, boolean test, Instant at) {
    }

    /**
     * The outbox delivered these runs' events: a workflow that calls back now has until its time
     * limit to answer; one that does not is done.
     *
     * @return the runs that finished by this (those of workflows that do not call back)
     */
    public List<Finished> delivered(List<UUID> eventIds, Instant at) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                UPDATE recipe_runs r
                SET status = CASE WHEN rc.calls_back THEN 'SENT' ELSE 'SUCCEEDED' END,
                    answer_by = CASE WHEN rc.calls_back THEN ? + make_interval(mins => rc.answer_minutes) END,
                    finished_at = CASE WHEN rc.calls_back THEN NULL ELSE ? END
                FROM recipes rc
                WHERE rc.id = r.recipe_id AND r.event_id = ANY(?) AND r.status = 'QUEUED'
                RETURNING r.id, r.recipe_id, r.status, r.test""")
                .params(Timestamps.of(at), Timestamps.of(at), eventIds.toArray(UUID[]::new))
                .query((rs, n) -> new Finished(rs.getObject("id", UUID.class), rs.getLong("recipe_id"),
                        RunStatus.valueOf(rs.getString("status")), rs.getBoolean("test"), at))
                .list().stream().filter(f -> f.status().finished()).toList();
    }

    /** The outbox gave up on these runs' events, with the reason a person reads. */
    public List<Finished> undeliverable(Map<UUID, String> messageByEvent, Instant at) {
        if (messageByEvent.isEmpty()) {
            return List.of();
        }
        UUID[] events = messageByEvent.keySet().toArray(UUID[]::new);
        String[] messages = messageByEvent.values().stream().map(m -> clip(m)).toArray(String[]::new);
        return jdbc.sql("""
                UPDATE recipe_runs r SET status = 'FAILED', finished_at = ?, message = m.message
                FROM unnest(?::uuid[], ?::varchar[]) AS m(event_id, message)
                WHERE r.event_id = m.event_id AND r.status IN ('QUEUED', 'SENT')
                RETURNING r.id, r.recipe_id, r.test""")
                .params(Timestamps.of(at), events, messages)
                .query((rs, n) -> new Finished(rs.getObject("id", UUID.class), rs.getLong("recipe_id"), RunStatus.FAILED,
                        rs.getBoolean("test"), at))
                .list();
    }

    /**
     * The workflow's answer. Accepted while the run is queued too: a quick workflow may call back
     * before the outbox has recorded its delivery.
     *
     * @return false when the run had already finished
     */
    public boolean complete(UUID id, RunStatus status, String message, String outputJson, Instant at) {
        return jdbc.sql("""
                UPDATE recipe_runs SET status = ?, finished_at = ?, message = ?, output = CAST(? AS JSONB), answer_by = NULL
                WHERE id = ? AND status IN ('QUEUED', 'SENT')""")
                .params(status.name(), Timestamps.of(at), clip(message), outputJson, id).update() == 1;
    }

    /** Runs whose workflow did not answer in time become "no answer", each exactly once (SKIP LOCKED). */
    public List<Finished> expireUnanswered(Instant now, String message, int limit) {
        return jdbc.sql("""
                UPDATE recipe_runs r SET status = 'NO_ANSWER', finished_at = ?, message = ?
                WHERE r.id IN (SELECT id FROM recipe_runs WHERE status = 'SENT' AND answer_by <= ?
                               ORDER BY answer_by LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING r.id, r.recipe_id, r.test""")
                .params(Timestamps.of(now), message, Timestamps.of(now), limit)
                .query((rs, n) -> new Finished(rs.getObject("id", UUID.class), rs.getLong("recipe_id"), RunStatus.NO_ANSWER,
                        rs.getBoolean("test"), now))
                .list();
    }

    /**
     * Who runs a recipe, for defaults such as {@code {me.team}}: their first team by joining date.
     *
     * @param locale the language they chose in the portal (a BCP 47 tag), or null
     */
    public record Runner(String username, String name, String email, String team, String locale) {
    }

    /** One query: a run is answered in a few milliseconds, and this is on its path. */
    public Optional<Runner> runner(long userId) {
        return jdbc.sql("""
                SELECT u.username, u.display_name, u.email, u.locale,
                       (SELECT t.name FROM team_memberships m JOIN teams t ON t.id = m.team_id
                        WHERE m.user_id = u.id ORDER BY m.joined_at, t.id LIMIT 1) AS team
                FROM users u WHERE u.id = ?""")
                .param(userId)
                .query((rs, n) -> new Runner(rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
                        rs.getString("team"), rs.getString("locale")))
                .optional();
    }

    /**
     * Queued runs whose delivery the outbox gave up on without the run hearing of it (a
     * subscription turned off while other runs waited): failed, with the outbox's reason.
     */
    public List<Finished> failGivenUp(Instant now, String message, int limit) {
        return jdbc.sql("""
                UPDATE recipe_runs r SET status = 'FAILED', finished_at = ?, message = ?
                WHERE r.id IN (SELECT q.id FROM recipe_runs q JOIN webhook_deliveries d ON d.event_id = q.event_id
                               WHERE q.status = 'QUEUED' AND d.status = 'DEAD'
                               ORDER BY q.requested_at LIMIT ? FOR UPDATE OF q SKIP LOCKED)
                RETURNING r.id, r.recipe_id, r.test""")
                .params(Timestamps.of(now), message, limit)
                .query((rs, n) -> new Finished(rs.getObject("id", UUID.class), rs.getLong("recipe_id"), RunStatus.FAILED,
                        rs.getBoolean("test"), now))
                .list();
    }

    /** Minutes saved by successful real runs requested in [from, to); {@code userId} null for everyone. */
    public long minutesSaved(Instant from, Instant to, Long userId) {
        return jdbc.sql("""
                SELECT COALESCE(sum(minutes_saved), 0) FROM recipe_runs
                WHERE status = 'SUCCEEDED' AND NOT test AND requested_at >= ? AND requested_at < ?
                  AND (CAST(? AS BIGINT) IS NULL OR requested_by = ?)""")
                .params(Timestamps.of(from), Timestamps.of(to), userId, userId).query(Long.class).single();
    }

    /**
     * A recipe's runs from {@code firstId} on (run ids are time-ordered, so this is a range of
     * time): finished, succeeded (tests included) and minutes saved (real runs).
     */
    public RecipeStats stats(long recipeId, UUID firstId) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE status IN ('SUCCEEDED', 'FAILED', 'NO_ANSWER')) AS finished,
                       count(*) FILTER (WHERE status = 'SUCCEEDED') AS succeeded,
                       COALESCE(sum(minutes_saved) FILTER (WHERE status = 'SUCCEEDED' AND NOT test), 0) AS minutes
                FROM recipe_runs WHERE recipe_id = ? AND id >= ?""")
                .params(recipeId, firstId)
                .query((rs, n) -> new RecipeStats(rs.getLong("finished"), rs.getLong("succeeded"), rs.getLong("minutes")))
                .single();
    }

    public record RecipeStats(long finished, long succeeded, long minutesSaved) {
    }

    private static String clip(String text) {
        return Texts.clean(text, 1000);
    }

    private static RunRow row(ResultSet rs, int n) throws SQLException {
        boolean retrying = "FAILED".equals(rs.getString("delivery_status"));
        return new RunRow(rs.getObject("id", UUID.class), rs.getLong("recipe_id"), rs.getString("slug"),
                rs.getString("title_en"), rs.getString("title_ja"), rs.getInt("version"), rs.getString("username"),
                rs.getString("display_name"), Timestamps.read(rs, "requested_at"), rs.getString("inputs"),
                rs.getBoolean("test"), RunStatus.valueOf(rs.getString("status")), rs.getObject("event_id", UUID.class),
                Timestamps.read(rs, "answer_by"), Timestamps.read(rs, "finished_at"), rs.getString("message"),
                rs.getString("output"), rs.getInt("minutes_saved"), rs.getObject("retry_of", UUID.class),
                retrying ? rs.getString("delivery_error") : null, retrying ? Timestamps.read(rs, "delivery_next") : null);
    }
}
