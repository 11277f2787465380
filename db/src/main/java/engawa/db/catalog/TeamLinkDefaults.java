package engawa.db.catalog;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each team's ops links for its new services, as URL templates with {@code {name}}. A team
 * without its own template of a kind takes the nearest parent team's.
 */
@Repository
public class TeamLinkDefaults {

    /** A template and the team it comes from (the team itself or a parent). */
    public record Template(String urlTemplate, String fromTeamSlug, String fromTeamName) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public TeamLinkDefaults(JdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
    }

    /** The team's own templates. */
    public Map<OpsLinkKind, String> own(long teamId) {
        Map<OpsLinkKind, String> result = new EnumMap<>(OpsLinkKind.class);
        jdbc.sql("SELECT link_kind, url_template FROM catalog_team_link_defaults WHERE team_id = ?").param(teamId)
                .query(rs -> {
                    result.put(OpsLinkKind.byKey(rs.getString("link_kind")), rs.getString("url_template"));
                });
        return result;
    }

    /** The templates that apply to the team: its own, else the nearest parent's, kind by kind. */
    public Map<OpsLinkKind, Template> effective(long teamId) {
        Map<OpsLinkKind, Template> result = new EnumMap<>(OpsLinkKind.class);
        jdbc.sql("""
                        WITH RECURSIVE up (id, parent_id, depth) AS (
                            SELECT id, parent_id, 0 FROM teams WHERE id = ?
                            UNION
                            SELECT t.id, t.parent_id, up.depth + 1 FROM teams t JOIN up ON t.id = up.parent_id WHERE up.depth < 50)
                        SELECT DISTINCT ON (d.link_kind) d.link_kind, d.url_template, t.slug, t.name
                        FROM up JOIN catalog_team_link_defaults d ON d.team_id = up.id JOIN teams t ON t.id = up.id
                        ORDER BY d.link_kind, up.depth""")
                .param(teamId)
                .query(rs -> {
                    result.put(OpsLinkKind.byKey(rs.getString("link_kind")),
                            new Template(rs.getString("url_template"), rs.getString("slug"), rs.getString("name")));
                });
        return result;
    }

    public void replace(long teamId, Map<OpsLinkKind, String> templates) {
        jdbc.sql("DELETE FROM catalog_team_link_defaults WHERE team_id = ?").param(teamId).update();
        List<Object[]> rows = new ArrayList<>();
        templates.forEach((kind, url) -> rows.add(new Object[] {teamId, kind.key, url}));
        if (!rows.isEmpty()) {
            template.batchUpdate("INSERT INTO catalog_team_link_defaults (team_id, link_kind, url_template) VALUES (?, ?, ?)",
                    rows);
        }
    }
}
