package engawa.db.catalog;

import engawa.db.shared.Timestamps;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Services in plain SQL: the search and the bulk import need set-based statements, and every
 * list is paged in the database. Writes check the version they were based on (optimistic
 * locking); the caller decides what a mismatch means.
 */
@Repository
public class CatalogServices {

    /** How much of a description a list row carries. */
    public static final int LIST_DESCRIPTION_LENGTH = 300;
    /** A search by similar names shows at most this many: beyond, they are not similar any more. */
    public static final int MAX_SIMILAR = 50;

    private static final String OPS_COLUMNS = "s.logs_url, s.metrics_url, s.errors_url, s.on_call_url, s.ci_cd_url,"
            + " s.runbook_url, s.source_url, s.docs_url";
    private static final String OWNER_JOIN = " FROM catalog_services s LEFT JOIN teams t ON t.id = s.owner_team_id"
            + " LEFT JOIN users u ON u.id = s.owner_user_id";
    private static final String COMMON_COLUMNS = "s.id, s.namespace, s.name, s.title, s.type, s.lifecycle, s.tier,"
            + " s.owner_team_id, t.slug AS team_slug, t.name AS team_name, s.owner_user_id, u.username AS owner_username,"
            + " u.display_name AS owner_display_name, s.owner_pending, s.system_name, s.tags, " + OPS_COLUMNS
            + ", s.created_at, s.updated_at, s.version";
    private static final String SELECT_FULL = "SELECT " + COMMON_COLUMNS
            + ", s.description, s.links::text AS links, s.annotations::text AS annotations" + OWNER_JOIN;
    /** Words the word table can answer for: what its trigger keeps, lower-case ASCII letters only. */
    private static final Pattern CHECKABLE_WORD = Pattern.compile("[a-z]{3,41}");
    private static final String SELECT_LIST = "SELECT " + COMMON_COLUMNS + ", left(s.description, "
            + LIST_DESCRIPTION_LENGTH + ") AS description, '[]' AS links, '{}' AS annotations" + OWNER_JOIN;
    /** The list columns of the services in a {@code page} of ids that carries {@code total_matches}. */
    private static final String SELECT_PAGE = "SELECT " + COMMON_COLUMNS + ", left(s.description, "
            + LIST_DESCRIPTION_LENGTH + ") AS description, '[]' AS links, '{}' AS annotations, page.total_matches"
            + OWNER_JOIN.replace(" FROM catalog_services s", " FROM page JOIN catalog_services s ON s.id = page.id");

    public enum Sort {
        NAME("lower(s.name)"),
        TIER("s.tier NULLS LAST, lower(s.name)"),
        LIFECYCLE("s.lifecycle, lower(s.name)"),
        RECENTLY_UPDATED("s.updated_at DESC, lower(s.name)");

        final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public CatalogServices(JdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
    }

    public Optional<ServiceRow> find(String name) {
        return jdbc.sql(SELECT_FULL + " WHERE lower(s.name) = lower(?)").param(name).query(CatalogServices::row).optional();
    }

    public Optional<ServiceRow> findById(long id) {
        return jdbc.sql(SELECT_FULL + " WHERE s.id = ?").param(id).query(CatalogServices::row).optional();
    }

    /**
     * Full rows by name, keyed by the lower-case name.
     *
     * @param lock whether to hold the rows until the transaction ends, so that no edit slips in
     *             between reading and overwriting them
     */
    public Map<String, ServiceRow> findByNames(Collection<String> names, boolean lock) {
        Map<String, ServiceRow> found = new HashMap<>();
        if (names.isEmpty()) {
            return found;
        }
        String[] lower = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
        jdbc.sql(SELECT_FULL + " WHERE lower(s.name) = ANY(?)" + (lock ? " FOR UPDATE OF s" : "")).param(lower)
                .query(CatalogServices::row).list()
                .forEach(r -> found.put(r.name().toLowerCase(Locale.ROOT), r));
        return found;
    }

    /**
     * Decides how a search text is matched: its words as prefixes; when nothing matches them,
     * each mistyped word corrected to the closest known word; when that finds nothing either,
     * names that look like the text.
     */
    public SearchTerms resolve(String text, ServiceFilter filter) {
        return resolveCounting(text, filter).terms();
    }

    /**
     * A search resolved, with how many services its words match when deciding that needed a
     * count anyway.
     *
     * @param count null when not counted (no words; names that look like the text)
     */
    public record Resolved(SearchTerms terms, Long count) {
    }

    /**
     * As {@link #resolve}, keeping the count it takes to decide. Counting rather than asking
     * {@code EXISTS}: with a word that matches nothing, the planner expects an early hit and
     * reads every row instead of the full-text index (75 ms against 0.1 ms at 100,000 services).
     */
    public Resolved resolveCounting(String text, ServiceFilter filter) {
        SearchTerms terms = SearchTerms.of(text);
        if (terms.mode() == SearchTerms.Mode.ALL) {
            return new Resolved(terms, null);
        }
        boolean unfiltered = filter.equals(ServiceFilter.ALL);
        Boolean known = unfiltered ? wordsKnown(terms.words()) : null;
        if (Boolean.TRUE.equals(known)) {
            // every word begins a known word: the first page counts its matches along with it
            return new Resolved(terms, null);
        }
        if (known == null) {
            long matches = count(terms, filter);
            if (matches > 0) {
                return new Resolved(terms, matches);
            }
        }
        List<String> corrected = corrections(terms.words());
        if (!corrected.equals(terms.words())) {
            SearchTerms correction = terms.correctedTo(corrected);
            if (unfiltered && Boolean.TRUE.equals(wordsKnown(corrected))) {
                return new Resolved(correction, null);
            }
            long corrections = count(correction, filter);
            if (corrections > 0) {
                return new Resolved(correction, corrections);
            }
        }
        return new Resolved(terms.bySimilarName(), null);
    }

    /**
     * Whether each word begins a word some service has, asked of the small word table instead of
     * the services. True: all do (they very likely match together). False: one does not, so
     * nothing matches. Null: cannot tell (digits, other scripts, short words are not in the table).
     */
    private Boolean wordsKnown(List<String> words) {
        if (!words.stream().allMatch(w -> CHECKABLE_WORD.matcher(w).matches())) {
            return null;
        }
        String[] distinct = words.stream().distinct().toArray(String[]::new);
        long known = jdbc.sql("SELECT count(*) FROM unnest(?::text[]) AS w(prefix) WHERE EXISTS"
                        + " (SELECT 1 FROM catalog_search_words WHERE word LIKE w.prefix || '%')")
                .param(distinct).query(Long.class).single();
        return known == distinct.length;
    }

    private List<String> corrections(List<String> words) {
        // words shorter than 4 letters have too few trigrams to correct reliably
        List<String> corrected = new ArrayList<>(words.size());
        for (String word : words) {
            if (word.length() < 4 || word.chars().anyMatch(Character::isDigit)) {
                corrected.add(word);
                continue;
            }
            corrected.add(jdbc.sql("SELECT word FROM catalog_search_words WHERE word % ? ORDER BY word <-> ?, word LIMIT 1")
                    .params(word, word).query(String.class).optional().orElse(word));
        }
        return corrected;
    }

    /** A page of services and, where it can be had in the same pass, how many match in all. */
    public record Page(List<ServiceRow> rows, Long total) {
    }

    /** A page of services in list form; a full-text search orders by relevance, exact name first. */
    public List<ServiceRow> list(SearchTerms terms, ServiceFilter filter, Sort sort, long offset, int limit) {
        return listCounting(terms, filter, sort, offset, limit).rows();
    }

    /**
     * As {@link #list}; a full-text search also counts every match in the same scan
     * ({@code count(*) OVER ()}): ranking reads every match anyway, so one pass instead of two.
     * Plain lists are not counted in passing: the name index yields their page without reading
     * the rest. The total is null when not counted, or when the page is empty past the first.
     */
    public Page listCounting(SearchTerms terms, ServiceFilter filter, Sort sort, long offset, int limit) {
        Where where = where(terms, filter);
        return switch (terms.mode()) {
            case ALL -> new Page(plainPage(where, List.of(), sort.orderBy, offset, limit), null);
            case SIMILAR_NAME -> {
                int capped = (int) Math.max(0, Math.min(limit, MAX_SIMILAR - offset));
                yield new Page(capped == 0 ? List.of()
                        : plainPage(where, List.of(terms.nameLike()), "lower(s.name) <-> ?, lower(s.name)", offset, capped),
                        null);
            }
            case FULL_TEXT -> rankedPage(terms, where, offset, limit);
        };
    }

    private List<ServiceRow> plainPage(Where where, List<Object> orderParams, String orderBy, long offset, int limit) {
        List<Object> params = new ArrayList<>(where.params);
        params.addAll(orderParams);
        params.add(limit);
        params.add(offset);
        return jdbc.sql(SELECT_LIST + " WHERE " + where.sql + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?")
                .params(params).query(CatalogServices::row).list();
    }

    /**
     * Ranks and counts the matches on the service table alone, then joins the page's rows for
     * their columns: joining owners onto every match first took twice as long at 2,700 matches.
     */
    private Page rankedPage(SearchTerms terms, Where where, long offset, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(terms.text().toLowerCase(Locale.ROOT));
        params.add(terms.tsquery());
        params.addAll(where.params);
        params.add(limit);
        params.add(offset);
        long[] total = {-1};
        List<ServiceRow> rows = jdbc.sql("WITH page AS (SELECT s.id, (lower(s.name) = ?) AS exact,"
                        + " ts_rank(s.search, to_tsquery('simple', ?)) AS rank, lower(s.name) AS lname,"
                        + " count(*) OVER () AS total_matches FROM catalog_services s WHERE " + where.sql
                        + " ORDER BY exact DESC, rank DESC, lname LIMIT ? OFFSET ?) "
                        + SELECT_PAGE + " ORDER BY page.exact DESC, page.rank DESC, page.lname")
                .params(params).query((rs, n) -> {
                    total[0] = rs.getLong("total_matches");
                    return row(rs, n);
                }).list();
        Long known = !rows.isEmpty() ? Long.valueOf(total[0]) : offset == 0 ? Long.valueOf(0) : null;
        return new Page(rows, known);
    }

    public long count(SearchTerms terms, ServiceFilter filter) {
        Where where = where(terms, filter);
        if (terms.mode() == SearchTerms.Mode.SIMILAR_NAME) {
            return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM catalog_services s WHERE " + where.sql + " LIMIT "
                    + MAX_SIMILAR + ") AS similar_names").params(where.params).query(Long.class).single();
        }
        return jdbc.sql("SELECT count(*) FROM catalog_services s WHERE " + where.sql).params(where.params)
                .query(Long.class).single();
    }

    /** How many services of each lifecycle and tier match, ignoring the lifecycle and tier filters. */
    public FacetCounts facets(SearchTerms terms, ServiceFilter filter) {
        Where where = where(terms, filter.withoutFacets());
        Map<Lifecycle, Long> lifecycles = new EnumMap<>(Lifecycle.class);
        Map<Integer, Long> tiers = new HashMap<>();
        String limited = terms.mode() == SearchTerms.Mode.SIMILAR_NAME ? " LIMIT " + MAX_SIMILAR : "";
        jdbc.sql("SELECT lifecycle, tier, count(*) AS n FROM (SELECT s.lifecycle, s.tier FROM catalog_services s WHERE "
                        + where.sql + limited + ") matching GROUP BY lifecycle, tier")
                .params(where.params)
                .query(rs -> {
                    Lifecycle lifecycle = Lifecycle.valueOf(rs.getString("lifecycle").toUpperCase(Locale.ROOT));
                    int tier = rs.getInt("tier");
                    Integer tierKey = rs.wasNull() ? null : tier;
                    long n = rs.getLong("n");
                    lifecycles.merge(lifecycle, n, Long::sum);
                    tiers.merge(tierKey == null ? 0 : tierKey, n, Long::sum);
                });
        return new FacetCounts(lifecycles, tiers);
    }

    /** Lifecycle and tier counts; tier 0 stands for "no tier set". */
    public record FacetCounts(Map<Lifecycle, Long> lifecycles, Map<Integer, Long> tiers) {
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(SearchTerms terms, ServiceFilter filter) {
        StringBuilder sql = new StringBuilder("TRUE");
        List<Object> params = new ArrayList<>();
        switch (terms.mode()) {
            case ALL -> {
            }
            case FULL_TEXT -> {
                sql.append(" AND s.search @@ to_tsquery('simple', ?)");
                params.add(terms.tsquery());
            }
            case SIMILAR_NAME -> {
                sql.append(" AND lower(s.name) % ?");
                params.add(terms.nameLike());
            }
        }
        if (filter.filtersOwner()) {
            List<String> either = new ArrayList<>();
            if (filter.ownerTeamIds() != null) {
                either.add("s.owner_team_id = ANY(?)");
                params.add(filter.ownerTeamIds().toArray(Long[]::new));
            }
            if (filter.ownerUserId() != null) {
                either.add("s.owner_user_id = ?");
                params.add(filter.ownerUserId());
            }
            sql.append(" AND (").append(String.join(" OR ", either)).append(")");
        }
        if (filter.lifecycle() != null) {
            sql.append(" AND s.lifecycle = ?");
            params.add(filter.lifecycle().id());
        }
        if (filter.tier() != null) {
            sql.append(" AND s.tier = ?");
            params.add(filter.tier().shortValue());
        }
        if (filter.tag() != null) {
            sql.append(" AND s.tags @> ARRAY[?]::text[]");
            params.add(filter.tag());
        }
        if (filter.systemName() != null) {
            sql.append(" AND lower(s.system_name) = lower(?)");
            params.add(filter.systemName());
        }
        if (filter.missing() != null) {
            sql.append(" AND NOT ").append(rule(filter.missing(), filter, params));
        }
        if (filter.level() != null) {
            sql.append(" AND ").append(level(filter.level(), filter, params));
        }
        if (filter.sloState() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM catalog_service_slos o WHERE o.service_id = s.id"
                    + " AND o.states @> ARRAY[CAST(? AS VARCHAR(16))])");
            params.add(filter.sloState());
        }
        return new Where(sql.toString(), params);
    }

    private static String rule(ScorecardRule rule, ServiceFilter filter, List<Object> params) {
        if (rule.takesTime()) {
            if (filter.freshSince() == null) {
                throw new IllegalArgumentException("A filter on " + rule + " needs freshSince");
            }
            params.add(Timestamps.of(filter.freshSince()));
        }
        return rule.sql;
    }

    /** Exactly this level: all of its rules pass, and not all of the next level's. */
    private static String level(ScorecardLevel level, ServiceFilter filter, List<Object> params) {
        List<String> parts = new ArrayList<>();
        for (ScorecardRule needed : level.needs) {
            parts.add(rule(needed, filter, params));
        }
        if (level != ScorecardLevel.GOLD) {
            ScorecardLevel next = ScorecardLevel.values()[level.ordinal() + 1];
            List<String> nextParts = new ArrayList<>();
            for (ScorecardRule needed : next.adds()) {
                nextParts.add(rule(needed, filter, params));
            }
            parts.add("NOT (" + String.join(" AND ", nextParts) + ")");
        }
        return parts.isEmpty() ? "TRUE" : "(" + String.join(" AND ", parts) + ")";
    }

    /** @return the new service's id */
    public long insert(ServiceValues values, Instant at) {
        List<Object> params = new ArrayList<>(writeParams(values));
        params.add(Timestamps.of(at));
        params.add(Timestamps.of(at));
        return jdbc.sql("INSERT INTO catalog_services (" + WRITE_COLUMNS + ", created_at, updated_at) VALUES ("
                        + WRITE_PLACEHOLDERS + ", ?, ?) RETURNING id")
                .params(params).query(Long.class).single();
    }

    /**
     * Writes new values if the service is still at {@code expectedVersion}.
     *
     * @return the new version, or empty when someone else changed it first
     */
    public Optional<Long> update(long id, long expectedVersion, ServiceValues values, Instant at) {
        List<Object> params = new ArrayList<>(writeParams(values));
        params.add(Timestamps.of(at));
        params.add(id);
        params.add(expectedVersion);
        return jdbc.sql("UPDATE catalog_services SET (" + WRITE_COLUMNS + ", updated_at) = (" + WRITE_PLACEHOLDERS
                        + ", ?), version = version + 1 WHERE id = ? AND version = ? RETURNING version")
                .params(params).query(Long.class).optional();
    }

    /** Inserts many services in batches; returns their ids keyed by lower-case name. */
    public Map<String, Long> insertAll(List<ServiceValues> services, Instant at) {
        if (services.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = new ArrayList<>(services.size());
        for (ServiceValues values : services) {
            List<Object> params = new ArrayList<>(writeParams(values));
            params.add(Timestamps.of(at));
            params.add(Timestamps.of(at));
            rows.add(params.toArray());
        }
        template.batchUpdate("INSERT INTO catalog_services (" + WRITE_COLUMNS + ", created_at, updated_at) VALUES ("
                + WRITE_PLACEHOLDERS + ", ?, ?)", rows);
        Map<String, Long> ids = new HashMap<>();
        String[] names = services.stream().map(v -> v.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
        jdbc.sql("SELECT id, lower(name) AS name FROM catalog_services WHERE lower(name) = ANY(?)").param(names)
                .query(rs -> {
                    ids.put(rs.getString("name"), rs.getLong("id"));
                });
        return ids;
    }

    /** Overwrites many services in batches, each one version up; for an import, under the import's lock. */
    public void updateAll(Map<Long, ServiceValues> services, Instant at) {
        List<Object[]> rows = new ArrayList<>(services.size());
        services.forEach((id, values) -> {
            List<Object> params = new ArrayList<>(writeParams(values));
            params.add(Timestamps.of(at));
            params.add(id);
            rows.add(params.toArray());
        });
        template.batchUpdate("UPDATE catalog_services SET (" + WRITE_COLUMNS + ", updated_at) = (" + WRITE_PLACEHOLDERS
                + ", ?), version = version + 1 WHERE id = ?", rows);
    }

    /** @return whether the service was at {@code expectedVersion} and is now gone */
    public boolean delete(long id, long expectedVersion) {
        return jdbc.sql("DELETE FROM catalog_services WHERE id = ? AND version = ?").params(id, expectedVersion).update() == 1;
    }

    public long countAll() {
        return jdbc.sql("SELECT count(*) FROM catalog_services").query(Long.class).single();
    }

    /** Services in name order, full rows, for the export: a page at a time after {@code afterName}. */
    public List<ServiceRow> exportPage(String afterName, int limit) {
        return jdbc.sql(SELECT_FULL + " WHERE lower(s.name) > lower(?) ORDER BY lower(s.name) LIMIT ?")
                .params(afterName, limit).query(CatalogServices::row).list();
    }

    /** Tags in use that start with {@code prefix}, alphabetically. */
    public List<String> tags(String prefix, int limit) {
        return jdbc.sql("SELECT tag FROM catalog_tags WHERE tag LIKE ? ESCAPE '\\' ORDER BY tag LIMIT ?")
                .params(escapeLike(prefix == null ? "" : prefix.toLowerCase(Locale.ROOT)) + "%", limit)
                .query(String.class).list();
    }

    /** Forgets tags that no service has any more. */
    public int pruneTags() {
        return jdbc.sql("DELETE FROM catalog_tags g WHERE NOT EXISTS"
                + " (SELECT 1 FROM catalog_services s WHERE s.tags @> ARRAY[g.tag])").update();
    }

    /** Names of services that look like {@code text}, for pickers: prefix matches first. */
    public List<ServiceRow> suggest(String text, int limit) {
        String lower = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (lower.isEmpty()) {
            return jdbc.sql(SELECT_LIST + " ORDER BY lower(s.name) LIMIT ?").param(limit).query(CatalogServices::row).list();
        }
        return jdbc.sql(SELECT_LIST + " WHERE lower(s.name) LIKE ? ESCAPE '\\' OR lower(s.name) % ?"
                        + " ORDER BY (lower(s.name) LIKE ? ESCAPE '\\') DESC, lower(s.name) <-> ? LIMIT ?")
                .params(escapeLike(lower) + "%", lower, escapeLike(lower) + "%", lower, limit)
                .query(CatalogServices::row).list();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static final String WRITE_COLUMNS = "namespace, name, title, description, type, lifecycle, tier, owner_team_id,"
            + " owner_user_id, owner_pending, system_name, tags, links, annotations, logs_url, metrics_url, errors_url, on_call_url,"
            + " ci_cd_url, runbook_url, source_url, docs_url";
    private static final String WRITE_PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB), CAST(? AS JSONB),"
            + " ?, ?, ?, ?, ?, ?, ?, ?";

    private static List<Object> writeParams(ServiceValues v) {
        List<Object> params = new ArrayList<>(22);
        params.add(v.namespace());
        params.add(v.name());
        params.add(v.title());
        params.add(v.description());
        params.add(v.type());
        params.add(v.lifecycle().id());
        params.add(v.tier() == null ? null : v.tier().shortValue());
        params.add(v.ownerTeamId());
        params.add(v.ownerUserId());
        params.add(v.ownerPending());
        params.add(v.systemName());
        params.add(v.tags().toArray(String[]::new));
        params.add(v.linksJson() == null ? "[]" : v.linksJson());
        params.add(v.annotationsJson() == null ? "{}" : v.annotationsJson());
        for (OpsLinkKind kind : OpsLinkKind.values()) {
            params.add(v.opsLinks().get(kind));
        }
        return params;
    }

    static ServiceRow row(ResultSet rs, int n) throws SQLException {
        Map<OpsLinkKind, String> ops = new EnumMap<>(OpsLinkKind.class);
        for (OpsLinkKind kind : OpsLinkKind.values()) {
            String url = rs.getString(kind.column);
            if (url != null) {
                ops.put(kind, url);
            }
        }
        int tier = rs.getInt("tier");
        Integer tierValue = rs.wasNull() ? null : tier;
        return new ServiceRow(rs.getLong("id"), rs.getString("namespace"), rs.getString("name"), rs.getString("title"),
                rs.getString("description"), rs.getString("type"),
                Lifecycle.valueOf(rs.getString("lifecycle").toUpperCase(Locale.ROOT)), tierValue,
                (Long) rs.getObject("owner_team_id", Long.class), rs.getString("team_slug"), rs.getString("team_name"),
                (Long) rs.getObject("owner_user_id", Long.class), rs.getString("owner_username"),
                rs.getString("owner_display_name"), rs.getString("owner_pending"), rs.getString("system_name"), texts(rs.getArray("tags")),
                rs.getString("links"), rs.getString("annotations"), ops, Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"), rs.getLong("version"));
    }

    static List<String> texts(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }
}
