package engawa.db.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What services depend on, provide and consume, by entity reference, in both directions. */
@Repository
public class CatalogRelations {

    private static final String RESOLVED = """
            SELECT r.relation, r.target_ref AS ref,
                   COALESCE(CASE WHEN s.id IS NOT NULL THEN 'component' END, e.kind) AS kind,
                   COALESCE(s.name, e.name) AS name, COALESCE(s.title, e.title) AS title,
                   COALESCE(s.type, e.type) AS type, COALESCE(s.lifecycle, e.lifecycle) AS lifecycle, s.id AS service_id
            FROM catalog_relations r
            LEFT JOIN catalog_services s ON s.ref = r.target_ref
            LEFT JOIN catalog_entities e ON e.ref = r.target_ref
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public CatalogRelations(JdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
    }

    /** Replaces all relations of one service. */
    public void replace(long serviceId, Map<Relation, List<String>> relations) {
        replaceAll(Map.of(serviceId, relations));
    }

    /** Replaces the relations of many services at once. */
    public void replaceAll(Map<Long, Map<Relation, List<String>>> relationsByService) {
        if (relationsByService.isEmpty()) {
            return;
        }
        Long[] ids = relationsByService.keySet().toArray(Long[]::new);
        jdbc.sql("DELETE FROM catalog_relations WHERE service_id = ANY(?)").param(ids).update();
        insertAll(relationsByService);
    }

    /**
     * The relations of services that have none yet (just created): no delete first, which inside a
     * large import would read a table whose statistics still say it is empty.
     */
    public void insertAll(Map<Long, Map<Relation, List<String>>> relationsByService) {
        List<Object[]> rows = new ArrayList<>();
        relationsByService.forEach((id, relations) -> relations.forEach((relation, refs) ->
                refs.stream().distinct().forEach(ref -> rows.add(new Object[] {id, relation.name(), ref}))));
        if (!rows.isEmpty()) {
            template.batchUpdate("INSERT INTO catalog_relations (service_id, relation, target_ref) VALUES (?, ?, ?)", rows);
        }
    }

    /** What the service points at, resolved where the catalog has the entity. */
    public List<RelatedEntity> outgoing(long serviceId) {
        return jdbc.sql(RESOLVED + " WHERE r.service_id = ? ORDER BY r.relation, r.target_ref").param(serviceId)
                .query((rs, n) -> related(rs)).list();
    }

    /** The services that point at {@code ref} (those that depend on it, provide or consume it). */
    public List<RelatedEntity> incoming(String ref, int limit) {
        return jdbc.sql("""
                        SELECT r.relation, s.ref, 'component' AS kind, s.name, s.title, s.type, s.lifecycle, s.id AS service_id
                        FROM catalog_relations r JOIN catalog_services s ON s.id = r.service_id
                        WHERE r.target_ref = ? ORDER BY r.relation, lower(s.name) LIMIT ?""")
                .params(ref, limit).query((rs, n) -> related(rs)).list();
    }

    /** The stored references of many services, for comparing and exporting. */
    public Map<Long, Map<Relation, List<String>>> of(Collection<Long> serviceIds) {
        Map<Long, Map<Relation, List<String>>> result = new HashMap<>();
        if (serviceIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT service_id, relation, target_ref FROM catalog_relations WHERE service_id = ANY(?)"
                        + " ORDER BY service_id, relation, target_ref")
                .param(serviceIds.toArray(Long[]::new))
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong("service_id"), id -> new EnumMap<>(Relation.class))
                            .computeIfAbsent(Relation.valueOf(rs.getString("relation")), r -> new ArrayList<>())
                            .add(rs.getString("target_ref"));
                });
        return result;
    }

    private static RelatedEntity related(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RelatedEntity(Relation.valueOf(rs.getString("relation")), rs.getString("ref"), rs.getString("kind"),
                rs.getString("name"), rs.getString("title"), rs.getString("type"), rs.getString("lifecycle"),
                (Long) rs.getObject("service_id", Long.class));
    }
}
