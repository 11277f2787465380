package engawa.db.catalog;

import engawa.db.shared.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * References from catalog files to teams and people that are not in Engawa yet: a service's or
 * entity's owner ({@code owner_pending}), a team's parent, a membership. They are kept as written
 * and resolve when what they name arrives, so that a catalog can be imported in any order.
 *
 * <p>An owner is kept as {@code group:<slug>}, {@code user:<username>}, or a bare name, which is a
 * team's or, when no team has it, a person's (as {@code spec.owner} is read).
 */
@Repository
public class CatalogPending {

    /** A service whose owner arrived: its new version and its owner now ({@code team-a} or {@code user:jdoe}). */
    public record ResolvedOwner(long serviceId, String name, long version, String ownerRef) {
    }

    /** A team still waiting for its parent. */
    public record WaitingTeam(long teamId, String teamSlug, String parentSlug) {
    }

    private static final String TEAM_SLUG_OF = """
            CASE WHEN %1$s LIKE 'group:%%' THEN substr(%1$s, 7) WHEN %1$s NOT LIKE '%%:%%' THEN %1$s END""";
    private static final String USERNAME_OF = """
            CASE WHEN %1$s LIKE 'user:%%' THEN substr(%1$s, 6) WHEN %1$s NOT LIKE '%%:%%' THEN %1$s END""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public CatalogPending(JdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
    }

    // ---- team parents

    /** Teams (by id) whose parent is named but not in Engawa yet; replaces what each had pending. */
    public void waitForParents(Map<Long, String> parentSlugs) {
        List<Object[]> rows = new ArrayList<>();
        parentSlugs.forEach((team, parent) -> rows.add(new Object[] {team, parent}));
        template.batchUpdate("INSERT INTO catalog_pending_team_parents (team_id, parent_slug) VALUES (?, ?)"
                + " ON CONFLICT (team_id) DO UPDATE SET parent_slug = EXCLUDED.parent_slug", rows);
    }

    /** These teams wait for no parent any more (they got one, or their file names none). */
    public void stopWaitingForParents(Collection<Long> teamIds) {
        if (!teamIds.isEmpty()) {
            jdbc.sql("DELETE FROM catalog_pending_team_parents WHERE team_id = ANY(?)").param(teamIds.toArray(Long[]::new))
                    .update();
        }
    }

    /** Every team still waiting for its parent, by team id: a small table, read whole. */
    public Map<Long, String> waitingParents() {
        Map<Long, String> waiting = new HashMap<>();
        jdbc.sql("SELECT team_id, parent_slug FROM catalog_pending_team_parents")
                .query(rs -> {
                    waiting.put(rs.getLong("team_id"), rs.getString("parent_slug"));
                });
        return waiting;
    }

    /** Teams whose parent has arrived, with the parent's id. */
    public List<long[]> arrivedParents() {
        return jdbc.sql("SELECT p.team_id, t.id AS parent_id FROM catalog_pending_team_parents p"
                        + " JOIN teams t ON t.slug = p.parent_slug")
                .query((rs, n) -> new long[] {rs.getLong("team_id"), rs.getLong("parent_id")}).list();
    }

    public List<WaitingTeam> teamsStillWaiting(int limit) {
        return jdbc.sql("SELECT p.team_id, t.slug, p.parent_slug FROM catalog_pending_team_parents p"
                        + " JOIN teams t ON t.id = p.team_id ORDER BY t.slug LIMIT ?").param(limit)
                .query((rs, n) -> new WaitingTeam(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    // ---- memberships

    /** Memberships (team slug, username) of which one side is not in Engawa yet. */
    public void waitForMemberships(Collection<String[]> teamAndUser) {
        List<Object[]> rows = new ArrayList<>();
        teamAndUser.forEach(m -> rows.add(new Object[] {m[0], m[1]}));
        template.batchUpdate("INSERT INTO catalog_pending_memberships (team_slug, username) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING", rows);
    }

    /**
     * Stops waiting for every membership whose team and person are both here now.
     *
     * @return (team id, user id) of each, for people to add
     */
    public List<long[]> takeArrivedMemberships() {
        return jdbc.sql("""
                DELETE FROM catalog_pending_memberships p USING teams t, users u
                WHERE t.slug = p.team_slug AND u.username = p.username
                RETURNING t.id AS team_id, u.id AS user_id""")
                .query((rs, n) -> new long[] {rs.getLong("team_id"), rs.getLong("user_id")}).list();
    }

    /** Pending memberships of these people, as {@code team-slug/username}. */
    public java.util.Set<String> membershipsWaiting(Collection<String> usernames) {
        java.util.Set<String> waiting = new java.util.HashSet<>();
        if (!usernames.isEmpty()) {
            jdbc.sql("SELECT team_slug || '/' || username FROM catalog_pending_memberships WHERE username = ANY(?)")
                    .param(usernames.toArray(String[]::new)).query(String.class).list().forEach(waiting::add);
        }
        return waiting;
    }

    // ---- owners

    /**
     * Gives every service whose pending owner has arrived that owner, one version up: a team first,
     * then (for {@code user:} and bare names no team has) a person.
     */
    public List<ResolvedOwner> resolveServiceOwners(Instant at) {
        List<ResolvedOwner> resolved = new ArrayList<>();
        resolved.addAll(jdbc.sql("""
                WITH arrived AS (
                    SELECT s.id, t.id AS team_id, t.slug FROM catalog_services s
                    JOIN teams t ON t.slug = %s WHERE s.owner_pending IS NOT NULL FOR UPDATE OF s)
                UPDATE catalog_services s SET owner_team_id = arrived.team_id, owner_pending = NULL,
                    version = s.version + 1, updated_at = ?
                FROM arrived WHERE s.id = arrived.id
                RETURNING s.id, s.name, s.version, arrived.slug""".formatted(
                        TEAM_SLUG_OF.formatted("s.owner_pending")))
                .param(Timestamps.of(at)).query(CatalogPending::resolvedOwner).list());
        resolved.addAll(jdbc.sql("""
                WITH arrived AS (
                    SELECT s.id, u.id AS user_id, u.username FROM catalog_services s
                    JOIN users u ON u.username = %s WHERE s.owner_pending IS NOT NULL FOR UPDATE OF s)
                UPDATE catalog_services s SET owner_user_id = arrived.user_id, owner_pending = NULL,
                    version = s.version + 1, updated_at = ?
                FROM arrived WHERE s.id = arrived.id
                RETURNING s.id, s.name, s.version, 'user:' || arrived.username""".formatted(
                        USERNAME_OF.formatted("s.owner_pending")))
                .param(Timestamps.of(at)).query(CatalogPending::resolvedOwner).list());
        return resolved;
    }

    private static ResolvedOwner resolvedOwner(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ResolvedOwner(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4));
    }

    /** As {@link #resolveServiceOwners} for Systems, Domains, Resources and APIs; returns how many. */
    public int resolveEntityOwners(Instant at) {
        int teams = jdbc.sql("UPDATE catalog_entities e SET owner_team_id = t.id, owner_pending = NULL, updated_at = ?"
                        + " FROM teams t WHERE e.owner_pending IS NOT NULL AND t.slug = "
                        + TEAM_SLUG_OF.formatted("e.owner_pending"))
                .param(Timestamps.of(at)).update();
        int people = jdbc.sql("UPDATE catalog_entities e SET owner_user_id = u.id, owner_pending = NULL, updated_at = ?"
                        + " FROM users u WHERE e.owner_pending IS NOT NULL AND u.username = "
                        + USERNAME_OF.formatted("e.owner_pending"))
                .param(Timestamps.of(at)).update();
        return teams + people;
    }

    /** Services (by lower-case name) of {@code names} whose owner is still pending, with it as written. */
    public Map<String, String> servicesWaiting(Collection<String> names) {
        Map<String, String> waiting = new HashMap<>();
        if (!names.isEmpty()) {
            jdbc.sql("SELECT lower(name), owner_pending FROM catalog_services WHERE owner_pending IS NOT NULL"
                            + " AND lower(name) = ANY(?)").param(names.toArray(String[]::new))
                    .query(rs -> {
                        waiting.put(rs.getString(1), rs.getString(2));
                    });
        }
        return waiting;
    }

    public long servicesWaitingCount() {
        return jdbc.sql("SELECT count(*) FROM catalog_services WHERE owner_pending IS NOT NULL").query(Long.class).single();
    }

    /** Entities (by reference) of {@code refs} whose owner is still pending, with it as written. */
    public Map<String, String> entitiesWaiting(Collection<String> refs) {
        Map<String, String> waiting = new HashMap<>();
        if (!refs.isEmpty()) {
            jdbc.sql("SELECT ref, owner_pending FROM catalog_entities WHERE owner_pending IS NOT NULL AND ref = ANY(?)")
                    .param(refs.toArray(String[]::new))
                    .query(rs -> {
                        waiting.put(rs.getString(1), rs.getString(2));
                    });
        }
        return waiting;
    }
}
