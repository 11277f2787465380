package engawa.db.people;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How to reach many people at once: one query for a whole session's attendees, or a whole company. */
@Repository
public class Contacts {

    private final JdbcClient jdbc;

    public Contacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param locale the chosen language tag, or null */
    public record Contact(long id, String username, String displayName, String email, String locale, boolean enabled,
            Role role) {
    }

    public Map<Long, Contact> of(Collection<Long> ids) {
        Map<Long, Contact> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT id, username, display_name, email, locale, enabled, role FROM users WHERE id = ANY(?)")
                .param(ids.toArray(Long[]::new))
                .query((rs, n) -> new Contact(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        rs.getString("email"), rs.getString("locale"), rs.getBoolean("enabled"),
                        Role.valueOf(rs.getString("role"))))
                .list().forEach(c -> found.put(c.id(), c));
        return found;
    }
}
