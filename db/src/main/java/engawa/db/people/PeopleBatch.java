package engawa.db.people;

import engawa.db.shared.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Teams, accounts and memberships in bulk, for a catalog import of thousands of Backstage Groups
 * and Users. Runs in the caller's transaction; the JPA entities read the rows afresh afterwards.
 */
@Repository
public class PeopleBatch {

    /** A team as the import compares it. */
    public record TeamRow(long id, String slug, String name, String description, Long parentId) {
    }

    /** An account as the import needs it. */
    public record UserRow(long id, String username, String displayName, String email) {
    }

    public record NewTeam(String slug, String name, String description) {
    }

    public record NewAccount(String username, String displayName, String email) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public PeopleBatch(JdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
    }

    /** Every team by slug: a company has thousands at most. */
    public Map<String, TeamRow> teams() {
        Map<String, TeamRow> teams = new HashMap<>();
        jdbc.sql("SELECT id, slug, name, description, parent_id FROM teams").query(rs -> {
            teams.put(rs.getString("slug"), new TeamRow(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                    rs.getString("description"), (Long) rs.getObject("parent_id", Long.class)));
        });
        return teams;
    }

    /** The accounts with these usernames, by username. */
    public Map<String, UserRow> users(Collection<String> usernames) {
        Map<String, UserRow> users = new HashMap<>();
        if (!usernames.isEmpty()) {
            jdbc.sql("SELECT id, username, display_name, email FROM users WHERE username = ANY(?)")
                    .param(usernames.stream().distinct().toArray(String[]::new))
                    .query(rs -> {
                        users.put(rs.getString("username"), new UserRow(rs.getLong("id"), rs.getString("username"),
                                rs.getString("display_name"), rs.getString("email")));
                    });
        }
        return users;
    }

    /** Which of these e-mail addresses an account already has, lower case. */
    public List<String> emailsInUse(Collection<String> emails) {
        if (emails.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT lower(email) FROM users WHERE lower(email) = ANY(?)")
                .param(emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new))
                .query(String.class).list();
    }

    /** @return the new teams' ids by slug */
    public Map<String, Long> insertTeams(List<NewTeam> teams, Instant at) {
        Map<String, Long> ids = new HashMap<>();
        for (NewTeam team : teams) {
            ids.put(team.slug(), jdbc.sql("INSERT INTO teams (slug, name, description, created_at) VALUES (?, ?, ?, ?)"
                            + " RETURNING id")
                    .params(team.slug(), team.name(), team.description(), Timestamps.of(at)).query(Long.class).single());
        }
        return ids;
    }

    /** New names and descriptions, by team id. */
    public void updateTeams(Map<Long, NewTeam> teams) {
        List<Object[]> rows = new ArrayList<>();
        teams.forEach((id, t) -> rows.add(new Object[] {t.name(), t.description(), id}));
        template.batchUpdate("UPDATE teams SET name = ?, description = ?, version = version + 1 WHERE id = ?", rows);
    }

    /** Parent team by team id; a null parent makes a team top-level. */
    public void setParents(Map<Long, Long> parents) {
        List<Object[]> rows = new ArrayList<>();
        parents.forEach((id, parent) -> rows.add(new Object[] {parent, id}));
        template.batchUpdate("UPDATE teams SET parent_id = ?, version = version + 1 WHERE id = ?", rows);
    }

    /** Accounts that sign in through single sign-on only (no password), as members. */
    public Map<String, Long> insertAccounts(List<NewAccount> accounts, Instant at) {
        Map<String, Long> ids = new HashMap<>();
        for (NewAccount account : accounts) {
            ids.put(account.username(), jdbc.sql("INSERT INTO users (username, display_name, email, role, created_at)"
                            + " VALUES (?, ?, ?, 'MEMBER', ?) RETURNING id")
                    .params(account.username(), account.displayName(), account.email(), Timestamps.of(at))
                    .query(Long.class).single());
        }
        return ids;
    }

    /** Adds memberships (team id, user id); existing ones stay as they are. */
    public void addMemberships(List<long[]> memberships, Instant at) {
        List<Object[]> rows = new ArrayList<>();
        memberships.forEach(m -> rows.add(new Object[] {m[0], m[1], Timestamps.of(at)}));
        template.batchUpdate("INSERT INTO team_memberships (team_id, user_id, joined_at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", rows);
    }
}
