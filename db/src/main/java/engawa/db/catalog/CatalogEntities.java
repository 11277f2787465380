package engawa.db.catalog;

import engawa.db.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Systems, domains, resources and APIs: what services belong to and depend on. */
@Repository
public class CatalogEntities {

    private static final String SELECT = """
            SELECT e.id, e.ref, e.kind, e.namespace, e.name, e.title, e.description, e.type, e.lifecycle,
                   e.owner_team_id, t.slug AS team_slug, e.owner_user_id, u.username AS owner_username, e.owner_pending,
                   e.parent_ref,
                   e.tags, e.links::text AS links, e.annotations::text AS annotations, e.spec::text AS spec,
                   e.created_at, e.updated_at
            FROM catalog_entities e LEFT JOIN teams t ON t.id = e.owner_team_id LEFT JOIN users u ON u.id = e.owner_user_id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public CatalogEntities(JdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
    }

    public Optional<EntityRow> find(String ref) {
        return jdbc.sql(SELECT + " WHERE e.ref = ?").param(ref.toLowerCase(Locale.ROOT)).query(CatalogEntities::row).optional();
    }

    /** Stored entities by reference. */
    public Map<String, EntityRow> findByRefs(Collection<String> refs) {
        Map<String, EntityRow> found = new HashMap<>();
        if (!refs.isEmpty()) {
            jdbc.sql(SELECT + " WHERE e.ref = ANY(?)").param(refs.stream().distinct().toArray(String[]::new))
                    .query(CatalogEntities::row).list().forEach(e -> found.put(e.ref(), e));
        }
        return found;
    }

    /** Inserts or overwrites entities, matched by kind, namespace and name. */
    public void upsertAll(List<EntityValues> entities, Instant at) {
        if (entities.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(entities.size());
        for (EntityValues e : entities) {
            rows.add(new Object[] {e.kind(), e.namespace(), e.name(), e.title(), e.description(), e.type(), e.lifecycle(),
                    e.ownerTeamId(), e.ownerUserId(), e.ownerPending(), e.parentRef(), e.tags().toArray(String[]::new),
                    e.linksJson() == null ? "[]" : e.linksJson(), e.annotationsJson() == null ? "{}" : e.annotationsJson(),
                    e.specJson() == null ? "{}" : e.specJson(), Timestamps.of(at), Timestamps.of(at)});
        }
        template.batchUpdate("""
                INSERT INTO catalog_entities (kind, namespace, name, title, description, type, lifecycle, owner_team_id,
                    owner_user_id, owner_pending, parent_ref, tags, links, annotations, spec, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB), CAST(? AS JSONB), CAST(? AS JSONB), ?, ?)
                ON CONFLICT (ref) DO UPDATE SET name = EXCLUDED.name, title = EXCLUDED.title,
                    description = EXCLUDED.description, type = EXCLUDED.type, lifecycle = EXCLUDED.lifecycle,
                    owner_team_id = EXCLUDED.owner_team_id, owner_user_id = EXCLUDED.owner_user_id,
                    owner_pending = EXCLUDED.owner_pending,
                    parent_ref = EXCLUDED.parent_ref, tags = EXCLUDED.tags, links = EXCLUDED.links,
                    annotations = EXCLUDED.annotations, spec = EXCLUDED.spec, updated_at = EXCLUDED.updated_at""", rows);
    }

    /** Entities of the given kinds whose name looks like {@code text}, for pickers: prefix matches first. */
    public List<EntityRow> suggest(List<String> kinds, String text, int limit) {
        String lower = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        String[] kindArray = kinds.toArray(String[]::new);
        if (lower.isEmpty()) {
            return jdbc.sql(SELECT + " WHERE e.kind = ANY(?) ORDER BY lower(e.name) LIMIT ?").params(kindArray, limit)
                    .query(CatalogEntities::row).list();
        }
        String prefix = CatalogServices.escapeLike(lower) + "%";
        return jdbc.sql(SELECT + " WHERE e.kind = ANY(?) AND (lower(e.name) LIKE ? ESCAPE '\\' OR lower(e.name) % ?)"
                        + " ORDER BY (lower(e.name) LIKE ? ESCAPE '\\') DESC, lower(e.name) <-> ? LIMIT ?")
                .params(kindArray, prefix, lower, prefix, lower, limit).query(CatalogEntities::row).list();
    }

    /** Entities in reference order, for the export: a page at a time after {@code afterRef}. */
    public List<EntityRow> exportPage(String afterRef, int limit) {
        return jdbc.sql(SELECT + " WHERE e.ref > ? ORDER BY e.ref LIMIT ?").params(afterRef, limit)
                .query(CatalogEntities::row).list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM catalog_entities").query(Long.class).single();
    }

    static EntityRow row(ResultSet rs, int n) throws SQLException {
        return new EntityRow(rs.getLong("id"), rs.getString("ref"), rs.getString("kind"), rs.getString("namespace"),
                rs.getString("name"), rs.getString("title"), rs.getString("description"), rs.getString("type"),
                rs.getString("lifecycle"), (Long) rs.getObject("owner_team_id", Long.class), rs.getString("team_slug"),
                (Long) rs.getObject("owner_user_id", Long.class), rs.getString("owner_username"), rs.getString("owner_pending"),
                rs.getString("parent_ref"),
                CatalogServices.texts(rs.getArray("tags")), rs.getString("links"), rs.getString("annotations"),
                rs.getString("spec"), Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"));
    }
}
