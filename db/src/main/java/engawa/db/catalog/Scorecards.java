package engawa.db.catalog;

import engawa.db.shared.Timestamps;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The common-minimum rules evaluated in the database: for a page of services, and tallied per team. */
@Repository
public class Scorecards {

    private final JdbcClient jdbc;

    public Scorecards(JdbcTemplate template) {
        this.jdbc = JdbcClient.create(template);
    }

    /** The rules each service passes, and the worst state among its SLOs (null without SLOs). */
    public record Result(Set<ScorecardRule> passed, String worstSloState) {

        public ScorecardLevel level() {
            return ScorecardLevel.of(passed);
        }
    }

    public Map<Long, Result> of(List<Long> serviceIds, Instant freshSince) {
        Map<Long, Result> results = new HashMap<>();
        if (serviceIds.isEmpty()) {
            return results;
        }
        List<Object> params = new ArrayList<>();
        String columns = ruleColumns(params, freshSince);
        params.add(serviceIds.toArray(Long[]::new));
        jdbc.sql("SELECT s.id, " + columns + ", (SELECT o.worst_state FROM catalog_service_slos o WHERE o.service_id = s.id)"
                        + " AS worst FROM catalog_services s WHERE s.id = ANY(?)")
                .params(params).query((ResultSet rs) -> {
                    Set<ScorecardRule> passed = EnumSet.noneOf(ScorecardRule.class);
                    for (ScorecardRule rule : ScorecardRule.values()) {
                        if (rs.getBoolean("r_" + rule.ordinal())) {
                            passed.add(rule);
                        }
                    }
                    results.put(rs.getLong("id"), new Result(passed, rs.getString("worst")));
                });
        return results;
    }

    /**
     * One team's tally (or, with a null team, the services owned by one person).
     *
     * @param passing how many of its services pass each rule
     * @param levels how many are at each level
     */
    public record Tally(Long teamId, String teamSlug, String teamName, long services, Map<ScorecardRule, Long> passing,
            Map<ScorecardLevel, Long> levels) {
    }

    /** Per owning team, in one pass over the catalog; services of people are tallied under a null team. */
    public List<Tally> byTeam(Instant freshSince) {
        List<Object> params = new ArrayList<>();
        String columns = ruleColumns(params, freshSince);
        StringBuilder sql = new StringBuilder("WITH r AS (SELECT s.owner_team_id, ").append(columns)
                .append(" FROM catalog_services s) SELECT r.owner_team_id, t.slug, t.name, count(*) AS services");
        for (ScorecardRule rule : ScorecardRule.values()) {
            sql.append(", count(*) FILTER (WHERE r_").append(rule.ordinal()).append(") AS p_").append(rule.ordinal());
        }
        for (ScorecardLevel level : ScorecardLevel.values()) {
            if (level == ScorecardLevel.NONE) {
                continue;
            }
            sql.append(", count(*) FILTER (WHERE ");
            sql.append(String.join(" AND ", level.needs.stream().map(r -> "r_" + r.ordinal()).toList()));
            sql.append(") AS l_").append(level.ordinal());
        }
        sql.append(" FROM r LEFT JOIN teams t ON t.id = r.owner_team_id GROUP BY r.owner_team_id, t.slug, t.name"
                + " ORDER BY t.name NULLS LAST");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            long teamId = rs.getLong("owner_team_id");
            Long team = rs.wasNull() ? null : teamId;
            long services = rs.getLong("services");
            Map<ScorecardRule, Long> passing = new EnumMap<>(ScorecardRule.class);
            for (ScorecardRule rule : ScorecardRule.values()) {
                passing.put(rule, rs.getLong("p_" + rule.ordinal()));
            }
            // "at least Bronze" counts from the query; each level exactly is the difference to the next
            long bronzeOrMore = rs.getLong("l_" + ScorecardLevel.BRONZE.ordinal());
            long silverOrMore = rs.getLong("l_" + ScorecardLevel.SILVER.ordinal());
            long gold = rs.getLong("l_" + ScorecardLevel.GOLD.ordinal());
            Map<ScorecardLevel, Long> levels = new EnumMap<>(ScorecardLevel.class);
            levels.put(ScorecardLevel.NONE, services - bronzeOrMore);
            levels.put(ScorecardLevel.BRONZE, bronzeOrMore - silverOrMore);
            levels.put(ScorecardLevel.SILVER, silverOrMore - gold);
            levels.put(ScorecardLevel.GOLD, gold);
            return new Tally(team, rs.getString("slug"), rs.getString("name"), services, passing, levels);
        }).list();
    }

    private static String ruleColumns(List<Object> params, Instant freshSince) {
        List<String> columns = new ArrayList<>();
        for (ScorecardRule rule : ScorecardRule.values()) {
            if (rule.takesTime()) {
                params.add(Timestamps.of(freshSince));
            }
            columns.add(rule.sql + " AS r_" + rule.ordinal());
        }
        return String.join(", ", columns);
    }
}
