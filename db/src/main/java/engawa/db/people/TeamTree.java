package engawa.db.people;

import java.util.List;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Questions about teams and memberships that other features ask often, in one query each. */
@Repository
public class TeamTree {

    private final JdbcClient jdbc;

    public TeamTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The teams a person is a direct member of. */
    public List<Long> teamIdsOf(long userId) {
        return jdbc.sql("SELECT team_id FROM team_memberships WHERE user_id = ?").param(userId).query(Long.class).list();
    }

    /** The enabled people who are direct members of a team. */
    public List<Long> enabledMemberIds(long teamId) {
        return jdbc.sql("SELECT m.user_id FROM team_memberships m JOIN users u ON u.id = m.user_id WHERE m.team_id = ? AND u.enabled")
                .param(teamId).query(Long.class).list();
    }

    public boolean isMember(long teamId, long userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM team_memberships WHERE team_id = ? AND user_id = ?)")
                .params(teamId, userId).query(Boolean.class).single();
    }

    /** The team and every team below it, at any depth. */
    public List<Long> subtree(long teamId) {
        return jdbc.sql("""
                        WITH RECURSIVE down (id) AS (
                            SELECT id FROM teams WHERE id = ?
                            UNION
                            SELECT t.id FROM teams t JOIN down ON t.parent_id = down.id)
                        SELECT id FROM down""")
                .param(teamId).query(Long.class).list();
    }
}
