package engawa.db.catalog;

import engawa.db.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The history of every service: who changed which fields, from what to what, and when. */
@Repository
public class ServiceChanges {

    public enum Action {
        CREATED, UPDATED, IMPORTED
    }

    /** One change to record. */
    public record NewChange(long serviceId, long version, String actor, Action action, String changesJson) {
    }

    private static final String SELECT = "SELECT c.*, u.display_name AS actor_name FROM catalog_service_changes c"
            + " LEFT JOIN users u ON u.username = c.actor";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public ServiceChanges(JdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
    }

    public void append(NewChange change, Instant at) {
        appendAll(List.of(change), at);
    }

    public void appendAll(List<NewChange> changes, Instant at) {
        if (changes.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (NewChange c : changes) {
            rows.add(new Object[] {c.serviceId(), c.version(), Timestamps.of(at), c.actor(), c.action().name(), c.changesJson()});
        }
        template.batchUpdate("INSERT INTO catalog_service_changes (service_id, version, changed_at, actor, action, changes)"
                + " VALUES (?, ?, ?, ?, ?, CAST(? AS JSONB))", rows);
    }

    /** Newest first. */
    public List<ChangeRow> page(long serviceId, long offset, int limit) {
        return jdbc.sql(SELECT + " WHERE c.service_id = ? ORDER BY c.version DESC, c.id DESC LIMIT ? OFFSET ?")
                .params(serviceId, limit, offset).query(ServiceChanges::row).list();
    }

    public long count(long serviceId) {
        return jdbc.sql("SELECT count(*) FROM catalog_service_changes WHERE service_id = ?").param(serviceId)
                .query(Long.class).single();
    }

    /** What happened after {@code version}, oldest first: what someone editing that version missed. */
    public List<ChangeRow> since(long serviceId, long version) {
        return jdbc.sql(SELECT + " WHERE c.service_id = ? AND c.version > ? ORDER BY c.version, c.id")
                .params(serviceId, version).query(ServiceChanges::row).list();
    }

    static ChangeRow row(ResultSet rs, int n) throws SQLException {
        return new ChangeRow(rs.getLong("id"), rs.getLong("service_id"), rs.getLong("version"),
                Timestamps.read(rs, "changed_at"), rs.getString("actor"), rs.getString("actor_name"), rs.getString("action"),
                rs.getString("changes"));
    }
}
