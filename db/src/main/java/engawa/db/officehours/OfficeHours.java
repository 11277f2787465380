package engawa.db.officehours;

import engawa.db.shared.Timestamps;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Series and their dated sessions in plain SQL. */
@Repository
public class OfficeHours {

    private static final String SERIES_COLUMNS = """
            s.id AS s_id, s.uid, s.title_en, s.title_ja, s.description, s.topics, s.kind, s.capacity, s.room, s.video_url,
            s.time_zone, s.first_start_local, s.duration_minutes, s.rrule, s.reminder_minutes, s.recipe_slugs,
            s.service_names, s.sequence, s.split_from, s.cancelled_at AS s_cancelled_at, s.created_by, s.created_at,
            s.updated_at
            """;
    private static final String SESSION_COLUMNS = """
            o.id AS o_id, o.series_id, o.recurrence_local, o.starts_at, o.ends_at, o.moved, o.cancelled_at AS o_cancelled_at,
            o.confirmed
            """;

    private final JdbcClient jdbc;

    public OfficeHours(JdbcTemplate template) {
        this.jdbc = JdbcClient.create(template);
    }

    public long insertSeries(String uid, SeriesValues v, Long createdBy, Long splitFrom, Instant at) {
        return jdbc.sql("""
                INSERT INTO office_series (uid, title_en, title_ja, description, topics, kind, capacity, room, video_url,
                    time_zone, first_start_local, duration_minutes, rrule, reminder_minutes, recipe_slugs, service_names,
                    split_from, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(uid, v.titleEn(), v.titleJa(), v.description(), v.topics().toArray(String[]::new), v.kind().name(),
                        v.capacity(), v.room(), v.videoUrl(), v.timeZone(), v.firstStartLocal(), v.durationMinutes(),
                        v.rrule(), v.reminderMinutes(), v.recipeSlugs().toArray(String[]::new),
                        v.serviceNames().toArray(String[]::new), splitFrom, createdBy, Timestamps.of(at), Timestamps.of(at))
                .query(Long.class).single();
    }

    /** Changes what the series says and raises its SEQUENCE, so calendars take the change. */
    public void updateSeries(long id, SeriesValues v, Instant at) {
        jdbc.sql("""
                UPDATE office_series SET title_en = ?, title_ja = ?, description = ?, topics = ?, kind = ?, capacity = ?,
                    room = ?, video_url = ?, time_zone = ?, first_start_local = ?, duration_minutes = ?, rrule = ?,
                    reminder_minutes = ?, recipe_slugs = ?, service_names = ?, sequence = sequence + 1, updated_at = ?
                WHERE id = ?""")
                .params(v.titleEn(), v.titleJa(), v.description(), v.topics().toArray(String[]::new), v.kind().name(),
                        v.capacity(), v.room(), v.videoUrl(), v.timeZone(), v.firstStartLocal(), v.durationMinutes(),
                        v.rrule(), v.reminderMinutes(), v.recipeSlugs().toArray(String[]::new),
                        v.serviceNames().toArray(String[]::new), Timestamps.of(at), id)
                .update();
    }

    /** A change of one occurrence only (moved, cancelled): the series' SEQUENCE still rises. */
    public void touch(long seriesId, Instant at) {
        jdbc.sql("UPDATE office_series SET sequence = sequence + 1, updated_at = ? WHERE id = ?")
                .params(Timestamps.of(at), seriesId).update();
    }

    /** The older half of a split series ends where the newer begins. */
    public void updateRule(long id, String rrule, Instant at) {
        jdbc.sql("UPDATE office_series SET rrule = ?, sequence = sequence + 1, updated_at = ? WHERE id = ?")
                .params(rrule, Timestamps.of(at), id).update();
    }

    /** Which of these sessions anybody ever signed up to: those are cancelled, never deleted. */
    public java.util.Set<Long> withSignups(List<Long> sessionIds) {
        return sessionIds.isEmpty() ? java.util.Set.of()
                : new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT session_id FROM office_signups WHERE session_id = ANY(?)")
                        .param(sessionIds.toArray(Long[]::new)).query(Long.class).list());
    }

    public void cancelSeries(long id, Instant at) {
        jdbc.sql("UPDATE office_series SET cancelled_at = ?, sequence = sequence + 1, updated_at = ? WHERE id = ?")
                .params(Timestamps.of(at), Timestamps.of(at), id).update();
    }

    public void setHosts(long seriesId, List<Long> userIds) {
        jdbc.sql("DELETE FROM office_series_hosts WHERE series_id = ?").param(seriesId).update();
        jdbc.sql("INSERT INTO office_series_hosts (series_id, user_id) SELECT ?, unnest(?::bigint[]) ON CONFLICT DO NOTHING")
                .params(seriesId, userIds.toArray(Long[]::new)).update();
    }

    /** One dated session to store. */
    public record NewSession(LocalDateTime recurrenceLocal, Instant startsAt, Instant endsAt) {
    }

    public void insertSessions(long seriesId, List<NewSession> sessions) {
        if (sessions.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO office_sessions (series_id, recurrence_local, starts_at, ends_at)
                SELECT ?, r, s, e FROM unnest(CAST(? AS TIMESTAMP[]), CAST(? AS TIMESTAMPTZ[]), CAST(? AS TIMESTAMPTZ[])) AS t(r, s, e)""")
                // the driver sends no arrays of java.time values: ISO text, cast by the server
                .params(seriesId, sessions.stream().map(n -> n.recurrenceLocal().toString()).toArray(String[]::new),
                        sessions.stream().map(n -> n.startsAt().toString()).toArray(String[]::new),
                        sessions.stream().map(n -> n.endsAt().toString()).toArray(String[]::new))
                .update();
    }

    public Optional<SeriesRow> findSeries(long id) {
        return jdbc.sql("SELECT " + SERIES_COLUMNS + " FROM office_series s WHERE s.id = ?").param(id)
                .query((rs, n) -> series(rs)).optional().map(this::withHosts);
    }

    public Optional<SessionRow> findSession(long id) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM office_sessions o WHERE o.id = ?").param(id)
                .query((rs, n) -> session(rs)).optional();
    }

    /** The session's row, locked until the transaction ends: every change of its seats goes through this. */
    public Optional<SessionRow> lockSession(long id) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM office_sessions o WHERE o.id = ? FOR UPDATE").param(id)
                .query((rs, n) -> session(rs)).optional();
    }

    /** All sessions of a series in date order, cancelled ones included. */
    public List<SessionRow> sessionsOf(long seriesId) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM office_sessions o WHERE o.series_id = ? ORDER BY o.recurrence_local")
                .param(seriesId).query((rs, n) -> session(rs)).list();
    }

    public void moveSession(long id, Instant startsAt, Instant endsAt) {
        // a moved session reminds its people again, relative to the new time
        jdbc.sql("UPDATE office_sessions SET starts_at = ?, ends_at = ?, moved = TRUE WHERE id = ?")
                .params(Timestamps.of(startsAt), Timestamps.of(endsAt), id).update();
        jdbc.sql("UPDATE office_signups SET reminded_at = NULL WHERE session_id = ? AND status <> 'CANCELLED'").param(id).update();
    }

    public void cancelSession(long id, Instant at) {
        jdbc.sql("UPDATE office_sessions SET cancelled_at = ? WHERE id = ? AND cancelled_at IS NULL")
                .params(Timestamps.of(at), id).update();
    }

    /** Sessions from {@code fromLocal} on move to another series ("this and following"). */
    public void moveSessionsToSeries(long fromSeries, LocalDateTime fromLocal, long toSeries) {
        jdbc.sql("UPDATE office_sessions SET series_id = ? WHERE series_id = ? AND recurrence_local >= ?")
                .params(toSeries, fromSeries, fromLocal).update();
    }

    /** Future sessions without anybody signed up that a new rule no longer gives. */
    public int deleteSessions(List<Long> ids) {
        return ids.isEmpty() ? 0 : jdbc.sql("DELETE FROM office_sessions WHERE id = ANY(?)").param(ids.toArray(Long[]::new)).update();
    }

    public void retime(long sessionId, LocalDateTime recurrenceLocal, Instant startsAt, Instant endsAt) {
        jdbc.sql("UPDATE office_sessions SET recurrence_local = ?, starts_at = ?, ends_at = ?, moved = FALSE WHERE id = ?")
                .params(recurrenceLocal, Timestamps.of(startsAt), Timestamps.of(endsAt), sessionId).update();
    }

    /** What the upcoming list and the week view ask for. */
    public record Filter(Instant from, Instant to, String topic, String hostUsername, boolean mineOnly, Long viewerId,
            boolean includeCancelled) {
    }

    public List<Listing> list(Filter f, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(f.viewerId());
        params.add(f.viewerId());
        String sql = "SELECT " + SESSION_COLUMNS + ", " + SERIES_COLUMNS + """
                , (SELECT count(*) FROM office_signups w WHERE w.session_id = o.id AND w.status = 'WAITLISTED') AS waitlisted,
                  CASE WHEN s.kind = 'DROP_IN' THEN o.confirmed ELSE 0 END AS drop_ins,
                  (SELECT m.status FROM office_signups m WHERE m.session_id = o.id AND m.user_id = ? AND m.status <> 'CANCELLED') AS mine,
                  EXISTS (SELECT 1 FROM office_series_hosts hh WHERE hh.series_id = s.id AND hh.user_id = ?) AS hosting
                FROM office_sessions o JOIN office_series s ON s.id = o.series_id
                """ + where(f, params) + " ORDER BY o.starts_at, o.id LIMIT ? OFFSET ?";
        params.add(limit);
        params.add(offset);
        return withHosts(jdbc.sql(sql).params(params).query((rs, n) -> new Listing(session(rs), series(rs), rs.getInt("waitlisted"),
                rs.getInt("drop_ins"), rs.getString("mine") == null ? null : SignupStatus.valueOf(rs.getString("mine")),
                rs.getBoolean("hosting"))).list());
    }

    public long count(Filter f) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT count(*) FROM office_sessions o JOIN office_series s ON s.id = o.series_id " + where(f, params);
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static String where(Filter f, List<Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE o.ends_at > ?");
        params.add(Timestamps.of(f.from()));
        if (f.to() != null) {
            sql.append(" AND o.starts_at < ?");
            params.add(Timestamps.of(f.to()));
        }
        if (!f.includeCancelled()) {
            sql.append(" AND o.cancelled_at IS NULL AND s.cancelled_at IS NULL");
        }
        if (f.topic() != null) {
            sql.append(" AND ? = ANY(s.topics)");
            params.add(f.topic());
        }
        if (f.hostUsername() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM office_series_hosts fh JOIN users fu ON fu.id = fh.user_id"
                    + " WHERE fh.series_id = s.id AND fu.username = ?)");
            params.add(f.hostUsername());
        }
        if (f.mineOnly()) {
            sql.append(" AND (EXISTS (SELECT 1 FROM office_signups ms WHERE ms.session_id = o.id AND ms.user_id = ?"
                    + " AND ms.status <> 'CANCELLED') OR EXISTS (SELECT 1 FROM office_series_hosts mh"
                    + " WHERE mh.series_id = s.id AND mh.user_id = ?))");
            params.add(f.viewerId());
            params.add(f.viewerId());
        }
        return sql.toString();
    }

    /** Topics in use on upcoming sessions, most used first, for the filter. */
    public List<String> topics(Instant from) {
        return jdbc.sql("""
                SELECT t FROM office_series s CROSS JOIN unnest(s.topics) AS t
                WHERE s.cancelled_at IS NULL AND EXISTS (SELECT 1 FROM office_sessions o WHERE o.series_id = s.id AND o.ends_at > ?)
                GROUP BY t ORDER BY count(*) DESC, t LIMIT 50""").param(Timestamps.of(from)).query(String.class).list();
    }

    /** Hosts of upcoming sessions, for the filter. */
    public List<Host> hosts(Instant from) {
        return jdbc.sql("""
                SELECT DISTINCT u.id, u.username, u.display_name, u.email FROM office_series_hosts h
                JOIN users u ON u.id = h.user_id JOIN office_series s ON s.id = h.series_id
                WHERE s.cancelled_at IS NULL AND EXISTS (SELECT 1 FROM office_sessions o WHERE o.series_id = s.id AND o.ends_at > ?)
                ORDER BY u.display_name LIMIT 200""").param(Timestamps.of(from))
                .query((rs, n) -> new Host(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        rs.getString("email")))
                .list();
    }

    /** Series a person signed up to or hosts, for their calendar feed: at most a year back. */
    public List<Long> feedSeries(long userId, Instant since) {
        return jdbc.sql("""
                SELECT s.id FROM office_series s WHERE EXISTS (SELECT 1 FROM office_series_hosts h WHERE h.series_id = s.id AND h.user_id = ?)
                  AND EXISTS (SELECT 1 FROM office_sessions o WHERE o.series_id = s.id AND o.ends_at > ?)
                UNION
                SELECT DISTINCT o.series_id FROM office_signups g JOIN office_sessions o ON o.id = g.session_id
                WHERE g.user_id = ? AND g.status <> 'CANCELLED' AND o.ends_at > ?
                ORDER BY 1 LIMIT 500""")
                .params(userId, Timestamps.of(since), userId, Timestamps.of(since)).query(Long.class).list();
    }

    /** Sessions of a person's feed from a series: the ones they signed up to (all, when they host it). */
    public List<SessionRow> feedSessions(long seriesId, long userId, boolean host) {
        return host ? sessionsOf(seriesId)
                : jdbc.sql("SELECT " + SESSION_COLUMNS + """
                         FROM office_sessions o WHERE o.series_id = ? AND EXISTS (SELECT 1 FROM office_signups g
                         WHERE g.session_id = o.id AND g.user_id = ? AND g.status <> 'CANCELLED') ORDER BY o.recurrence_local""")
                        .params(seriesId, userId).query((rs, n) -> session(rs)).list();
    }

    /** Another session of the same host overlapping [start, end): a warning, not a refusal. */
    public Optional<String> overlappingFor(List<Long> hostIds, Instant start, Instant end, Long exceptSeries) {
        return jdbc.sql("""
                SELECT u.display_name || ': ' || s.title_en FROM office_sessions o JOIN office_series s ON s.id = o.series_id
                JOIN office_series_hosts h ON h.series_id = s.id JOIN users u ON u.id = h.user_id
                WHERE h.user_id = ANY(?) AND o.cancelled_at IS NULL AND s.cancelled_at IS NULL
                  AND o.starts_at < ? AND o.ends_at > ? AND s.id IS DISTINCT FROM ? LIMIT 1""")
                .params(hostIds.toArray(Long[]::new), Timestamps.of(end), Timestamps.of(start), exceptSeries)
                .query(String.class).optional();
    }

    // --- mapping

    static SeriesRow series(ResultSet rs) throws SQLException {
        SeriesValues values = new SeriesValues(rs.getString("title_en"), rs.getString("title_ja"), rs.getString("description"),
                strings(rs.getArray("topics")), SessionKind.valueOf(rs.getString("kind")), (Integer) rs.getObject("capacity"),
                rs.getString("room"), rs.getString("video_url"), rs.getString("time_zone"),
                rs.getObject("first_start_local", LocalDateTime.class), rs.getInt("duration_minutes"), rs.getString("rrule"),
                rs.getInt("reminder_minutes"), strings(rs.getArray("recipe_slugs")), strings(rs.getArray("service_names")));
        return new SeriesRow(rs.getLong("s_id"), rs.getString("uid"), values, rs.getInt("sequence"),
                (Long) rs.getObject("split_from"), Timestamps.read(rs, "s_cancelled_at"), (Long) rs.getObject("created_by"),
                Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"), List.of());
    }

    static SessionRow session(ResultSet rs) throws SQLException {
        return new SessionRow(rs.getLong("o_id"), rs.getLong("series_id"), rs.getObject("recurrence_local", LocalDateTime.class),
                Timestamps.read(rs, "starts_at"), Timestamps.read(rs, "ends_at"), rs.getBoolean("moved"),
                Timestamps.read(rs, "o_cancelled_at"), rs.getInt("confirmed"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** The hosts of several series in one query: a page of sessions costs two queries, not one per row. */
    public Map<Long, List<Host>> hostsOf(Collection<Long> seriesIds) {
        Map<Long, List<Host>> hosts = new HashMap<>();
        if (seriesIds.isEmpty()) {
            return hosts;
        }
        jdbc.sql("""
                SELECT h.series_id, u.id, u.username, u.display_name, u.email FROM office_series_hosts h
                JOIN users u ON u.id = h.user_id WHERE h.series_id = ANY(?) ORDER BY u.display_name, u.id""")
                .param(seriesIds.toArray(Long[]::new))
                .query(rs -> {
                    hosts.computeIfAbsent(rs.getLong("series_id"), k -> new ArrayList<>()).add(new Host(rs.getLong("id"),
                            rs.getString("username"), rs.getString("display_name"), rs.getString("email")));
                });
        return hosts;
    }

    private SeriesRow withHosts(SeriesRow row) {
        return row.withHosts(hostsOf(List.of(row.id())).getOrDefault(row.id(), List.of()));
    }

    private List<Listing> withHosts(List<Listing> listings) {
        Map<Long, List<Host>> hosts = hostsOf(listings.stream().map(l -> l.series().id()).collect(Collectors.toSet()));
        return listings.stream().map(l -> new Listing(l.session(), l.series().withHosts(hosts.getOrDefault(l.series().id(), List.of())),
                l.waitlisted(), l.dropIns(), l.mine(), l.hosting())).toList();
    }
}
