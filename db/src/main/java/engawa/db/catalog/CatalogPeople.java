package engawa.db.catalog;

import java.util.List;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** People as the catalog's export lists them: read from people's tables, which the catalog may read, never write. */
@Repository
public class CatalogPeople {

    private final JdbcClient jdbc;

    public CatalogPeople(JdbcTemplate template) {
        this.jdbc = JdbcClient.create(template);
    }

    /** A person as a catalog file lists them: with the short names of their teams. */
    public record PersonInTeams(String username, String displayName, String email, List<String> teamSlugs) {
    }

    /** Enabled people who are in a team or own something in the catalog, by username. */
    public List<PersonInTeams> peopleForCatalog() {
        return jdbc.sql("""
                SELECT u.username, u.display_name, u.email,
                       COALESCE(array_agg(t.slug ORDER BY t.slug) FILTER (WHERE t.slug IS NOT NULL), '{}') AS teams
                FROM users u
                LEFT JOIN team_memberships m ON m.user_id = u.id LEFT JOIN teams t ON t.id = m.team_id
                WHERE u.enabled AND (m.user_id IS NOT NULL
                      OR EXISTS (SELECT 1 FROM catalog_services s WHERE s.owner_user_id = u.id)
                      OR EXISTS (SELECT 1 FROM catalog_entities e WHERE e.owner_user_id = u.id))
                GROUP BY u.id ORDER BY u.username""")
                .query((rs, n) -> new PersonInTeams(rs.getString("username"), rs.getString("display_name"),
                        rs.getString("email"), List.of((String[]) rs.getArray("teams").getArray())))
                .list();
    }
}
