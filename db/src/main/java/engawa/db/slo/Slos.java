package engawa.db.slo;

import engawa.db.shared.Timestamps;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SLOs in plain SQL. Whoever writes measurements or decides what to tell about an SLO holds its
 * row lock ({@link #lock}) first, so that overlapping slices and events once per crossing are
 * decided one writer at a time, across instances.
 */
@Repository
public class Slos {

    private static final String SELECT = """
            SELECT o.*, s.name AS service_name, s.title AS service_title, s.owner_team_id, t.slug AS team_slug,
                   t.name AS team_name, s.owner_user_id, u.username AS owner_username
            FROM slos o JOIN catalog_services s ON s.id = o.service_id
            LEFT JOIN teams t ON t.id = s.owner_team_id LEFT JOIN users u ON u.id = s.owner_user_id
            """;
    /** Worst first: what needs someone's attention comes to the top of the overview. */
    private static final String WORST_FIRST = """
            CASE o.state WHEN 'SPENT' THEN 0 WHEN 'BURNING_FAST' THEN 1 WHEN 'AT_RISK' THEN 2 WHEN 'HEALTHY' THEN 3
            ELSE 4 END, o.budget_remaining NULLS LAST, lower(s.name), o.name""";

    private final JdbcClient jdbc;

    public Slos(JdbcTemplate template) {
        this.jdbc = JdbcClient.create(template);
    }

    public long insert(long serviceId, SloValues v, Instant at) {
        return jdbc.sql("""
                INSERT INTO slos (service_id, name, display_name, description, good_means, objective, window_kind,
                    window_days, window_time_zone, good_query, total_query, created_at, updated_at, pull_due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(serviceId, v.name(), v.displayName(), v.description(), v.goodMeans(), v.objective(),
                        v.calendarMonth() ? "CALENDAR" : "ROLLING", v.windowDays() == null ? null : v.windowDays().shortValue(),
                        v.windowTimeZone(), v.goodQuery(), v.totalQuery(), Timestamps.of(at), Timestamps.of(at),
                        v.pulled() ? Timestamps.of(at) : null)
                .query(Long.class).single();
    }

    /**
     * Writes new values if the SLO is still at {@code expectedVersion}; new queries are pulled
     * at once and the last pull's error is forgotten.
     *
     * @return the new version, or empty when someone else changed it first
     */
    public Optional<Long> update(long id, long expectedVersion, SloValues v, Instant at) {
        return jdbc.sql("""
                UPDATE slos SET name = ?, display_name = ?, description = ?, good_means = ?, objective = ?,
                    window_kind = ?, window_days = ?, window_time_zone = ?,
                    pull_due_at = CASE WHEN ? IS NULL THEN NULL
                        WHEN good_query IS DISTINCT FROM ? OR total_query IS DISTINCT FROM ? THEN ? ELSE pull_due_at END,
                    pull_error = CASE WHEN good_query IS DISTINCT FROM ? OR total_query IS DISTINCT FROM ? THEN NULL
                        ELSE pull_error END,
                    good_query = ?, total_query = ?, updated_at = ?, version = version + 1, evaluated_at = NULL
                WHERE id = ? AND version = ? RETURNING version""")
                .params(v.name(), v.displayName(), v.description(), v.goodMeans(), v.objective(),
                        v.calendarMonth() ? "CALENDAR" : "ROLLING", v.windowDays() == null ? null : v.windowDays().shortValue(),
                        v.windowTimeZone(), v.goodQuery(), v.goodQuery(), v.totalQuery(), Timestamps.of(at),
                        v.goodQuery(), v.totalQuery(), v.goodQuery(), v.totalQuery(), Timestamps.of(at), id, expectedVersion)
                .query(Long.class).optional();
    }

    /** The SLOs of one service as the catalog summarises them: how many, their states, the newest data. */
    public record ServiceSummary(int count, java.util.List<String> states, Instant receivedAt) {
    }

    public ServiceSummary summaryOf(long serviceId) {
        return jdbc.sql("SELECT count(*) AS n, COALESCE(array_agg(DISTINCT state) FILTER (WHERE state IS NOT NULL), '{}')"
                        + " AS states, max(received_at) AS received FROM slos WHERE service_id = ?")
                .param(serviceId)
                .query((rs, n) -> new ServiceSummary(rs.getInt("n"), java.util.List.of((String[]) rs.getArray("states").getArray()),
                        Timestamps.read(rs, "received")))
                .single();
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM slos WHERE id = ?").param(id).update() == 1;
    }

    public Optional<SloRow> find(long id) {
        return jdbc.sql(SELECT + " WHERE o.id = ?").param(id).query(Slos::row).optional();
    }

    public Optional<SloRow> find(long serviceId, String name) {
        return jdbc.sql(SELECT + " WHERE o.service_id = ? AND o.name = ?").params(serviceId, name).query(Slos::row).optional();
    }

    /** Holds the SLO's row until the transaction ends. */
    public Optional<SloRow> lock(long id) {
        return jdbc.sql(SELECT + " WHERE o.id = ? FOR UPDATE OF o").param(id).query(Slos::row).optional();
    }

    public List<SloRow> ofService(long serviceId) {
        return jdbc.sql(SELECT + " WHERE o.service_id = ? ORDER BY o.name").param(serviceId).query(Slos::row).list();
    }

    /** Every SLO, by service and name: an export (a company has hundreds, not millions). */
    public List<SloRow> all() {
        return jdbc.sql(SELECT + " ORDER BY lower(s.name), o.name").query(Slos::row).list();
    }

    /** SLOs of the given services (by lower-case name), for an export or an import's comparison. */
    public List<SloRow> ofServices(List<String> lowerNames) {
        return jdbc.sql(SELECT + " WHERE lower(s.name) = ANY(?) ORDER BY lower(s.name), o.name")
                .param(lowerNames.toArray(String[]::new)).query(Slos::row).list();
    }

    /** A page of the overview, worst first. */
    public List<SloRow> list(SloListFilter filter, long offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql(SELECT + " WHERE " + where + " ORDER BY " + WORST_FIRST + " LIMIT ? OFFSET ?").params(params)
                .query(Slos::row).list();
    }

    public long count(SloListFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return jdbc.sql("SELECT count(*) FROM slos o JOIN catalog_services s ON s.id = o.service_id WHERE " + where)
                .params(params).query(Long.class).single();
    }

    /** How many SLOs are in each state, for the overview's summary line; the filter's state is ignored. */
    public Map<String, Long> stateCounts(SloListFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(new SloListFilter(filter.ownerTeamIds(), null, filter.serviceName()), params);
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT o.state, count(*) AS n FROM slos o JOIN catalog_services s ON s.id = o.service_id WHERE " + where
                        + " GROUP BY o.state").params(params)
                .query((ResultSet rs) -> {
                    counts.put(rs.getString("state"), rs.getLong("n"));
                });
        return counts;
    }

    private static String where(SloListFilter filter, List<Object> params) {
        StringBuilder sql = new StringBuilder("TRUE");
        if (filter.ownerTeamIds() != null) {
            sql.append(" AND s.owner_team_id = ANY(?)");
            params.add(filter.ownerTeamIds().toArray(Long[]::new));
        }
        if (filter.state() != null) {
            sql.append(" AND o.state = ?");
            params.add(filter.state());
        }
        if (filter.serviceName() != null) {
            sql.append(" AND lower(s.name) = lower(?)");
            params.add(filter.serviceName());
        }
        return sql.toString();
    }

    /** Call with the row locked. */
    public void saveEvaluation(long id, String state, String alertLevel, int budgetMark, BigDecimal remaining,
            BigDecimal achieved, Instant at) {
        jdbc.sql("""
                UPDATE slos SET state = ?, alert_level = ?, budget_mark = ?, budget_remaining = ?, achieved = ?,
                    evaluated_at = ? WHERE id = ?""")
                .params(state, alertLevel, budgetMark, remaining, achieved, Timestamps.of(at), id).update();
    }

    public void received(long id, Instant at) {
        jdbc.sql("UPDATE slos SET received_at = ? WHERE id = ?").params(Timestamps.of(at), id).update();
    }

    /**
     * Locks up to {@code limit} SLOs whose evaluation is older than {@code before}, skipping those
     * another instance holds: the caller evaluates them in the same transaction.
     */
    public List<Long> lockStale(Instant before, int limit) {
        return jdbc.sql("""
                SELECT id FROM slos WHERE evaluated_at IS NULL OR evaluated_at < ?
                ORDER BY evaluated_at NULLS FIRST LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(Timestamps.of(before), limit).query(Long.class).list();
    }

    /**
     * Takes up to {@code limit} pulls that are due and that no instance holds, each for the
     * lease's length: the HTTP calls happen outside any transaction, and a crashed instance's
     * lease simply runs out.
     */
    public List<SloRow> claimPulls(Instant now, Instant leaseUntil, int limit) {
        List<Long> ids = jdbc.sql("""
                UPDATE slos SET pull_lease_until = ? WHERE id IN (
                    SELECT id FROM slos WHERE good_query IS NOT NULL AND pull_due_at <= ?
                        AND (pull_lease_until IS NULL OR pull_lease_until < ?)
                    ORDER BY pull_due_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id""")
                .params(Timestamps.of(leaseUntil), Timestamps.of(now), Timestamps.of(now), limit).query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE o.id = ANY(?) ORDER BY o.id").param(ids.toArray(Long[]::new)).query(Slos::row).list();
    }

    /**
     * Records a pull's outcome and releases its lease.
     *
     * @param until how far the measurements now reach (unchanged when nothing new was read)
     * @param error null after a pull that worked
     */
    public void pulled(long id, Instant at, Instant until, String error, Instant nextDue) {
        jdbc.sql("""
                UPDATE slos SET pulled_at = ?, pulled_until = coalesce(?, pulled_until), pull_error = ?, pull_due_at = ?,
                    pull_lease_until = NULL WHERE id = ?""")
                .params(Timestamps.of(at), Timestamps.of(until), error, Timestamps.of(nextDue), id).update();
    }

    public Optional<String> policy(long serviceId) {
        return jdbc.sql("SELECT policy FROM slo_policies WHERE service_id = ?").param(serviceId).query(String.class).optional();
    }

    /** @param policy null or blank removes it */
    public void savePolicy(long serviceId, String policy, Long by, Instant at) {
        if (policy == null || policy.isBlank()) {
            jdbc.sql("DELETE FROM slo_policies WHERE service_id = ?").param(serviceId).update();
            return;
        }
        jdbc.sql("""
                INSERT INTO slo_policies (service_id, policy, updated_at, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (service_id) DO UPDATE SET policy = EXCLUDED.policy, updated_at = EXCLUDED.updated_at,
                    updated_by = EXCLUDED.updated_by""")
                .params(serviceId, policy, Timestamps.of(at), by).update();
    }

    static SloRow row(ResultSet rs, int n) throws SQLException {
        short daysValue = rs.getShort("window_days");
        Integer days = rs.wasNull() ? null : (int) daysValue;
        SloValues values = new SloValues(rs.getString("name"), rs.getString("display_name"), rs.getString("description"),
                rs.getString("good_means"), rs.getBigDecimal("objective").stripTrailingZeros(), days,
                rs.getString("window_time_zone"), rs.getString("good_query"), rs.getString("total_query"));
        long teamId = rs.getLong("owner_team_id");
        Long ownerTeamId = rs.wasNull() ? null : teamId;
        long userId = rs.getLong("owner_user_id");
        Long ownerUserId = rs.wasNull() ? null : userId;
        return new SloRow(rs.getLong("id"), rs.getLong("service_id"), rs.getString("service_name"),
                rs.getString("service_title"), ownerTeamId, rs.getString("team_slug"), rs.getString("team_name"),
                ownerUserId, rs.getString("owner_username"), values, Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"), rs.getLong("version"), rs.getString("state"), rs.getString("alert_level"),
                rs.getInt("budget_mark"), rs.getBigDecimal("budget_remaining"), rs.getBigDecimal("achieved"),
                Timestamps.read(rs, "evaluated_at"), Timestamps.read(rs, "received_at"), Timestamps.read(rs, "pulled_at"),
                Timestamps.read(rs, "pulled_until"), rs.getString("pull_error"));
    }
}
