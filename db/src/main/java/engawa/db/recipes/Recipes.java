package engawa.db.recipes;

import engawa.db.catalog.SearchTerms;
import engawa.db.shared.Timestamps;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Recipes and their published versions in plain SQL; the gallery pages at the database. */
@Repository
public class Recipes {

    private static final String SELECT = """
            SELECT r.*, COALESCE(t.slug, u.username) AS owner_key, COALESCE(t.name, u.display_name) AS owner_name,
                   s.target_url
            FROM recipes r
            LEFT JOIN teams t ON t.id = r.owner_team_id
            LEFT JOIN users u ON u.id = r.owner_user_id
            LEFT JOIN webhook_subscriptions s ON s.id = r.target_subscription_id
            """;

    private final JdbcClient jdbc;

    public Recipes(JdbcTemplate template) {
        this.jdbc = JdbcClient.create(template);
    }

    public long insert(RecipeValues v, Instant now) {
        return jdbc.sql("""
                INSERT INTO recipes (slug, owner_team_id, owner_user_id, status, category, tags, title_en, title_ja,
                    summary_en, summary_ja, steps_en, steps_ja, inputs, minutes_saved, calls_back, answer_minutes,
                    test_runs_enabled, test_every_days, next_test_at, created_at, updated_at, plain_preview_en,
                    plain_preview_ja)
                VALUES (?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(v.slug(), v.ownerTeamId(), v.ownerUserId(), v.category(), v.tags().toArray(String[]::new),
                        v.titleEn(), v.titleJa(), v.summaryEn(), v.summaryJa(), v.stepsEn(), v.stepsJa(), v.inputsJson(),
                        v.minutesSaved(), v.callsBack(), v.answerMinutes(), v.testRunsEnabled(), v.testEveryDays(),
                        v.testRunsEnabled() ? Timestamps.of(now.plus(java.time.Duration.ofDays(v.testEveryDays()))) : null,
                        Timestamps.of(now), Timestamps.of(now), v.plainPreviewEn(), v.plainPreviewJa())
                .query(Long.class).single();
    }

    /**
     * Writes the working copy when it is still at {@code expectedEditVersion}.
     *
     * @return false when someone else saved in between
     */
    public boolean update(long id, long expectedEditVersion, RecipeValues v, Instant now) {
        return jdbc.sql("""
                UPDATE recipes SET owner_team_id = ?, owner_user_id = ?, category = ?, tags = ?, title_en = ?, title_ja = ?,
                    summary_en = ?, summary_ja = ?, steps_en = ?, steps_ja = ?, inputs = CAST(? AS JSONB), minutes_saved = ?,
                    calls_back = ?, answer_minutes = ?, test_runs_enabled = ?, test_every_days = ?, updated_at = ?,
                    plain_preview_en = ?, plain_preview_ja = ?, edit_version = edit_version + 1,
                    next_test_at = CASE WHEN ? THEN COALESCE(next_test_at, ?) ELSE NULL END
                WHERE id = ? AND edit_version = ?""")
                .params(v.ownerTeamId(), v.ownerUserId(), v.category(), v.tags().toArray(String[]::new), v.titleEn(),
                        v.titleJa(), v.summaryEn(), v.summaryJa(), v.stepsEn(), v.stepsJa(), v.inputsJson(), v.minutesSaved(),
                        v.callsBack(), v.answerMinutes(), v.testRunsEnabled(), v.testEveryDays(), Timestamps.of(now),
                        v.plainPreviewEn(), v.plainPreviewJa(), v.testRunsEnabled(), Timestamps.of(now.plus(java.time.Duration.ofDays(v.testEveryDays()))), id,
                        expectedEditVersion)
                .update() == 1;
    }

    /** Stores the working copy as the next version and makes it the one that runs. */
    public int publish(long id, String contentJson, String by, Instant now) {
        int version = jdbc.sql("UPDATE recipes SET published_version = published_version + 1, status = 'PUBLISHED',"
                        + " published_at = COALESCE(published_at, ?), updated_at = ? WHERE id = ? RETURNING published_version")
                .params(Timestamps.of(now), Timestamps.of(now), id).query(Integer.class).single();
        jdbc.sql("INSERT INTO recipe_versions (recipe_id, version, content, published_at, published_by)"
                        + " VALUES (?, ?, CAST(? AS JSONB), ?, ?)")
                .params(id, version, contentJson, Timestamps.of(now), by).update();
        return version;
    }

    public void setStatus(long id, RecipeStatus status, Instant now) {
        jdbc.sql("UPDATE recipes SET status = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), Timestamps.of(now), id).update();
    }

    public void setTarget(long id, UUID subscriptionId, Instant now) {
        jdbc.sql("UPDATE recipes SET target_subscription_id = ?, updated_at = ? WHERE id = ?")
                .params(subscriptionId, Timestamps.of(now), id).update();
    }

    public Optional<RecipeRow> find(String slug) {
        return jdbc.sql(SELECT + " WHERE r.slug = ?").param(slug).query(Recipes::row).optional();
    }

    public Optional<RecipeRow> findById(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query(Recipes::row).optional();
    }

    /** The recipe locked until the transaction ends: runs finishing at once update its health one after another. */
    public Optional<RecipeRow> lock(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = ? FOR UPDATE OF r").param(id).query(Recipes::row).optional();
    }

    public Optional<String> versionContent(long id, int version) {
        return jdbc.sql("SELECT content::text FROM recipe_versions WHERE recipe_id = ? AND version = ?")
                .params(id, version).query(String.class).optional();
    }

    public List<VersionRow> versions(long id, int limit) {
        return jdbc.sql("SELECT version, published_at, published_by FROM recipe_versions WHERE recipe_id = ?"
                        + " ORDER BY version DESC LIMIT ?")
                .params(id, limit)
                .query((rs, n) -> new VersionRow(rs.getInt("version"), Timestamps.read(rs, "published_at"),
                        rs.getString("published_by")))
                .list();
    }

    public record VersionRow(int version, Instant publishedAt, String publishedBy) {
    }

    /**
     * What the gallery shows of one search: published recipes only unless {@code ownedBy} is set,
     * which lists every recipe of those teams or that person (drafts and archived too).
     *
     * @param ownedTeamIds with {@code ownedUserId}: the caller's own recipes; both null for the gallery
     */
    public record Filter(String text, String category, RecipeSort sort, List<Long> ownedTeamIds, Long ownedUserId) {

        public boolean mine() {
            return ownedTeamIds != null;
        }
    }

    public List<RecipeRow> list(Filter filter, int offset, int limit) {
        SearchTerms terms = SearchTerms.of(filter.text());
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE ");
        where(filter, terms, sql, params);
        if (terms.words().isEmpty()) {
            sql.append(switch (filter.sort()) {
                case MOST_USED -> " ORDER BY r.run_count DESC, r.id";
                case NEWEST -> " ORDER BY r.published_at DESC NULLS FIRST, r.id DESC";
                case TITLE -> " ORDER BY lower(r.title_en), r.id";
            });
        } else {
            // exact slug first, then relevance, then use
            sql.append(" ORDER BY (r.slug = ?) DESC, ts_rank(r.search, to_tsquery('simple', ?)) DESC, r.run_count DESC, r.id");
            params.add(String.join("-", terms.words()));
            params.add(terms.tsquery());
        }
        sql.append(" LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(Recipes::row).list();
    }

    public long count(Filter filter) {
        SearchTerms terms = SearchTerms.of(filter.text());
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM recipes r WHERE ");
        where(filter, terms, sql, params);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    private static void where(Filter filter, SearchTerms terms, StringBuilder sql, List<Object> params) {
        if (filter.mine()) {
            sql.append("(r.owner_team_id = ANY(?) OR r.owner_user_id = ?)");
            params.add(filter.ownedTeamIds().toArray(Long[]::new));
            params.add(filter.ownedUserId());
        } else {
            sql.append("r.status = 'PUBLISHED'");
        }
        if (filter.category() != null && !filter.category().isBlank()) {
            sql.append(" AND r.category = ?");
            params.add(filter.category());
        }
        if (!terms.words().isEmpty()) {
            sql.append(" AND r.search @@ to_tsquery('simple', ?)");
            params.add(terms.tsquery());
        }
    }

    /** Published recipes by category, for the gallery's category chips. */
    public List<CategoryCount> categories() {
        return jdbc.sql("SELECT category, count(*) AS n FROM recipes WHERE status = 'PUBLISHED' GROUP BY category ORDER BY category")
                .query((rs, n) -> new CategoryCount(rs.getString("category"), rs.getLong("n"))).list();
    }

    public record CategoryCount(String category, long recipes) {
    }

    /**
     * Finished runs change the recipe's health; the caller holds {@link #lock}.
     *
     * @param lastSuccessAt null leaves it as it is
     * @param realRuns finished runs that were not tests, for "used N times"
     */
    public void recordOutcomes(long id, RecipeHealth health, int failuresInARow, Instant lastSuccessAt, Instant lastRunAt,
            int realRuns) {
        jdbc.sql("UPDATE recipes SET health = ?, failures_in_a_row = ?, last_run_at = GREATEST(last_run_at, ?),"
                        + " last_success_at = COALESCE(GREATEST(last_success_at, ?), last_success_at),"
                        + " run_count = run_count + ? WHERE id = ?")
                .params(health.name(), failuresInARow, Timestamps.of(lastRunAt), Timestamps.of(lastSuccessAt), realRuns, id)
                .update();
    }

    /**
     * Takes the recipes whose scheduled test is due and moves their next test on, in one
     * statement: two instances never take the same recipe.
     */
    public List<Long> claimDueTests(Instant now, int limit) {
        return jdbc.sql("""
                UPDATE recipes r SET next_test_at = ? + make_interval(days => r.test_every_days)
                WHERE r.id IN (SELECT id FROM recipes WHERE test_runs_enabled AND status = 'PUBLISHED' AND next_test_at <= ?
                               ORDER BY next_test_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING r.id""")
                .params(Timestamps.of(now), Timestamps.of(now), limit).query(Long.class).list();
    }

    static RecipeRow row(ResultSet rs, int n) throws SQLException {
        Array tags = rs.getArray("tags");
        RecipeValues values = new RecipeValues(rs.getString("slug"), rs.getObject("owner_team_id", Long.class),
                rs.getObject("owner_user_id", Long.class), rs.getString("category"),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()), rs.getString("title_en"),
                rs.getString("title_ja"), rs.getString("summary_en"), rs.getString("summary_ja"), rs.getString("steps_en"),
                rs.getString("steps_ja"), rs.getString("inputs"), rs.getInt("minutes_saved"), rs.getBoolean("calls_back"),
                rs.getInt("answer_minutes"), rs.getBoolean("test_runs_enabled"), rs.getInt("test_every_days"),
                rs.getString("plain_preview_en"), rs.getString("plain_preview_ja"));
        return new RecipeRow(rs.getLong("id"), values, rs.getString("owner_key"), rs.getString("owner_name"),
                RecipeStatus.valueOf(rs.getString("status")), rs.getObject("target_subscription_id", UUID.class),
                rs.getString("target_url"), rs.getInt("published_version"), rs.getLong("edit_version"),
                Timestamps.read(rs, "next_test_at"), RecipeHealth.valueOf(rs.getString("health")),
                rs.getInt("failures_in_a_row"), Timestamps.read(rs, "last_success_at"), Timestamps.read(rs, "last_run_at"),
                rs.getLong("run_count"), Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"),
                Timestamps.read(rs, "published_at"));
    }
}
