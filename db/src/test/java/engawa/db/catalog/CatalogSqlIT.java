package engawa.db.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engawa.db.embedded.EmbeddedDatabase;
import engawa.db.people.TeamTree;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The catalog's SQL on a real PostgreSQL: search, typo correction, facets, locking, relations. */
class CatalogSqlIT {

    @TempDir
    static Path dataDir;
    static EmbeddedDatabase database;
    static JdbcTemplate jdbc;
    static CatalogServices services;
    static CatalogRelations relations;
    static CatalogEntities entities;
    static long payments;
    static long platform;
    static long sre;
    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @BeforeAll
    static void catalog() {
        database = EmbeddedDatabase.start(dataDir);
        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password()).locations("classpath:db/migration")
                .load().migrate();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password()));
        services = new CatalogServices(jdbc);
        relations = new CatalogRelations(jdbc);
        entities = new CatalogEntities(jdbc);
        platform = team("platform", null);
        sre = team("sre", platform);
        payments = team("payments", null);
        services.insert(service("payments-api", "Payments API", "Takes card payments at checkout", payments,
                Lifecycle.PRODUCTION, 1, List.of("java", "pci")), NOW);
        services.insert(service("payouts", "Payouts", "Sends money to sellers every night", payments,
                Lifecycle.PRODUCTION, 2, List.of("batch")), NOW);
        services.insert(service("log-shipper", "Log shipper", "Forwards logs to the central store", sre,
                Lifecycle.EXPERIMENTAL, null, List.of("go")), NOW);
        services.insert(service("Legacy_Billing", null, "The old invoice generator", platform,
                Lifecycle.DEPRECATED, 3, List.of("legacy")), NOW);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void words_match_as_prefixes_over_name_title_tags_and_description() {
        assertThat(names("paym")).containsExactly("payments-api");
        assertThat(names("sellers")).containsExactly("payouts");
        assertThat(names("pci")).containsExactly("payments-api");
        assertThat(names("legacy billing")).containsExactly("Legacy_Billing");
    }

    @Test
    void an_exact_name_comes_first() {
        services.insert(service("checkout", "Checkout", "Calls payouts and payments-api", payments,
                Lifecycle.PRODUCTION, 1, List.of()), NOW);
        try {
            assertThat(names("payouts")).first().isEqualTo("payouts");
        } finally {
            jdbc.update("DELETE FROM catalog_services WHERE name = 'checkout'");
        }
    }

    @Test
    void japanese_is_found_by_any_part_of_a_title_or_description() {
        services.insert(service("payment-gateway", "決済ゲートウェイ", "カード決済をまとめて受け付けます", payments,
                Lifecycle.PRODUCTION, 1, List.of()), NOW);
        services.insert(service("expenses", "経費精算を申請する", "毎月の経費をまとめて申請", payments,
                Lifecycle.PRODUCTION, 2, List.of()), NOW);
        try {
            assertThat(names("決済")).containsExactly("payment-gateway");
            assertThat(names("ゲートウェイ")).containsExactly("payment-gateway");
            assertThat(names("トウェ")).containsExactly("payment-gateway");
            assertThat(names("経費")).containsExactly("expenses");
            assertThat(names("精算")).containsExactly("expenses");
            assertThat(names("申請")).containsExactly("expenses");
            assertThat(names("済")).containsExactly("payment-gateway");
            // the parts must stand together: 経費 and 申請 both occur, 経費申請 does not
            assertThat(names("経費申請")).isEmpty();
            // nothing matches and nothing corrects it: looked for among similar names, and counted
            SearchTerms none = services.resolve("在庫", ServiceFilter.ALL);
            assertThat(none.mode()).isEqualTo(SearchTerms.Mode.SIMILAR_NAME);
            assertThat(services.count(none, ServiceFilter.ALL)).isZero();
            assertThat(names("経費 申請")).containsExactly("expenses");
            // Japanese and Latin words together, and Latin search as before
            assertThat(names("決済 payment")).containsExactly("payment-gateway");
            assertThat(names("gatewy")).containsExactly("payment-gateway");
        } finally {
            jdbc.update("DELETE FROM catalog_services WHERE name IN ('payment-gateway', 'expenses')");
        }
    }

    @Test
    void a_mistyped_word_is_corrected_to_a_known_one() {
        SearchTerms terms = services.resolve("paymnets", ServiceFilter.ALL);
        assertThat(terms.correctedText()).isEqualTo("payments");
        assertThat(services.list(terms, ServiceFilter.ALL, CatalogServices.Sort.NAME, 0, 10))
                .extracting(ServiceRow::name).containsExactly("payments-api");
    }

    @Test
    void a_search_page_carries_the_total_of_its_matches_and_agrees_with_the_count() {
        CatalogServices.Resolved resolved = services.resolveCounting("paym", ServiceFilter.ALL);
        CatalogServices.Page page = services.listCounting(resolved.terms(), ServiceFilter.ALL, CatalogServices.Sort.NAME, 0, 10);

        assertThat(page.rows()).extracting(ServiceRow::name).containsExactly("payments-api");
        assertThat(page.total()).isEqualTo(services.count(resolved.terms(), ServiceFilter.ALL)).isEqualTo(1L);
        assertThat(services.listCounting(resolved.terms(), ServiceFilter.ALL, CatalogServices.Sort.NAME, 10, 10).total()).isNull();
        SearchTerms all = services.resolve("", ServiceFilter.ALL);
        assertThat(services.listCounting(all, ServiceFilter.ALL, CatalogServices.Sort.NAME, 0, 10).total())
                .as("a plain list is not counted in passing: the name index gives its page alone").isNull();
    }

    @Test
    void a_word_no_service_has_is_corrected_within_a_filter_too() {
        ServiceFilter production = new ServiceFilter(null, null, Lifecycle.PRODUCTION, null, null, null);
        CatalogServices.Resolved resolved = services.resolveCounting("paymnets", production);
        assertThat(resolved.terms().correctedText()).isEqualTo("payments");
        assertThat(resolved.count()).isEqualTo(services.count(resolved.terms(), production));
    }

    @Test
    void a_name_that_matches_no_word_finds_names_that_look_alike() {
        SearchTerms terms = services.resolve("log-shiper", ServiceFilter.ALL);
        assertThat(services.list(terms, ServiceFilter.ALL, CatalogServices.Sort.NAME, 0, 10))
                .extracting(ServiceRow::name).first().isEqualTo("log-shipper");
    }

    @Test
    void text_that_is_not_a_word_cannot_break_the_query() {
        assertThat(names("'); DROP TABLE catalog_services; --")).isEmpty();
        assertThat(names("a & b | !c :* <->")).isEmpty();
        assertThat(services.countAll()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void filters_combine_and_facets_ignore_their_own_filter() {
        ServiceFilter paymentsProduction = new ServiceFilter(List.of(payments), null, Lifecycle.PRODUCTION, null, null, null);
        SearchTerms all = SearchTerms.of("");
        assertThat(services.list(all, paymentsProduction, CatalogServices.Sort.TIER, 0, 10)).extracting(ServiceRow::name)
                .containsExactly("payments-api", "payouts");
        CatalogServices.FacetCounts facets = services.facets(all, paymentsProduction);
        assertThat(facets.lifecycles()).containsEntry(Lifecycle.PRODUCTION, 2L);
        assertThat(facets.tiers()).containsEntry(1, 1L).containsEntry(2, 1L);
        ServiceFilter tagged = new ServiceFilter(null, null, null, null, "legacy", null);
        assertThat(services.count(all, tagged)).isEqualTo(1);
    }

    @Test
    void a_team_filter_can_cover_a_whole_subtree() {
        List<Long> underPlatform = new TeamTree(org.springframework.jdbc.core.simple.JdbcClient.create(jdbc)).subtree(platform);
        assertThat(underPlatform).containsExactlyInAnyOrder(platform, sre);
        ServiceFilter filter = new ServiceFilter(underPlatform, null, null, null, null, null);
        assertThat(services.list(SearchTerms.of(""), filter, CatalogServices.Sort.NAME, 0, 10)).extracting(ServiceRow::name)
                .containsExactly("Legacy_Billing", "log-shipper");
    }

    @Test
    void an_update_based_on_an_old_version_changes_nothing() {
        ServiceRow before = services.find("payouts").orElseThrow();
        ServiceValues changed = new ServiceValues(before.namespace(), before.name(), "Payouts to sellers",
                before.description(), before.type(), before.lifecycle(), before.tier(), before.ownerTeamId(), null,
                null, before.systemName(), before.tags(), before.linksJson(), before.annotationsJson(), before.opsLinks());
        assertThat(services.update(before.id(), before.version(), changed, NOW.plusSeconds(60))).contains(before.version() + 1);
        assertThat(services.update(before.id(), before.version(), before.values(), NOW.plusSeconds(61))).isEmpty();
        assertThat(services.find("PAYOUTS").orElseThrow().title()).isEqualTo("Payouts to sellers");
    }

    @Test
    void names_are_unique_whatever_their_case_and_a_service_has_exactly_one_owner() {
        assertThatThrownBy(() -> services.insert(service("PAYMENTS-API", null, null, payments, Lifecycle.PRODUCTION,
                null, List.of()), NOW)).hasMessageContaining("catalog_services_name_unique");
        assertThatThrownBy(() -> services.insert(service("nobody-owns", null, null, null, Lifecycle.PRODUCTION, null,
                List.of()), NOW)).hasMessageContaining("catalog_services_one_owner");
        assertThatThrownBy(() -> services.insert(service("bad name", null, null, payments, Lifecycle.PRODUCTION, null,
                List.of()), NOW)).hasMessageContaining("catalog_services_name_format");
    }

    @Test
    void relations_resolve_in_both_directions_and_keep_references_to_unknown_entities() {
        entities.upsertAll(List.of(new EntityValues("resource", "default", "payments-db", "Payments database", null,
                "database", null, payments, null, null, null, List.of(), null, null, null)), NOW);
        long checkoutId = services.insert(service("cart", "Cart", null, payments, Lifecycle.PRODUCTION, null, List.of()), NOW);
        try {
            relations.replace(checkoutId, Map.of(Relation.DEPENDS_ON, List.of("component:default/payments-api",
                    "resource:default/payments-db", "resource:default/not-yet-in-catalog")));
            assertThat(relations.outgoing(checkoutId)).extracting(RelatedEntity::ref, RelatedEntity::inCatalog)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("component:default/payments-api", true),
                            org.assertj.core.groups.Tuple.tuple("resource:default/payments-db", true),
                            org.assertj.core.groups.Tuple.tuple("resource:default/not-yet-in-catalog", false));
            assertThat(relations.incoming("component:default/payments-api", 10)).extracting(RelatedEntity::name)
                    .containsExactly("cart");
        } finally {
            jdbc.update("DELETE FROM catalog_services WHERE id = ?", checkoutId);
        }
    }

    @Test
    void an_entity_is_matched_by_kind_namespace_and_name_whatever_the_case() {
        entities.upsertAll(List.of(new EntityValues("system", "default", "Checkout", "Checkout", null, null, null,
                payments, null, null, null, List.of(), null, null, null)), NOW);
        entities.upsertAll(List.of(new EntityValues("system", "default", "checkout", "Checkout system", null, null, null,
                payments, null, null, null, List.of(), null, null, null)), NOW.plusSeconds(1));
        assertThat(entities.find("system:default/checkout").orElseThrow().title()).isEqualTo("Checkout system");
        assertThat(entities.findByRefs(List.of("system:default/checkout"))).hasSize(1);
    }

    @Test
    void tags_are_suggested_by_prefix_and_forgotten_when_no_service_has_them() {
        assertThat(services.tags("ja", 10)).containsExactly("java");
        long id = services.insert(service("tagged-once", null, null, payments, Lifecycle.PRODUCTION, null,
                List.of("once-only")), NOW);
        jdbc.update("DELETE FROM catalog_services WHERE id = ?", id);
        assertThat(services.tags("once", 10)).containsExactly("once-only");
        services.pruneTags();
        assertThat(services.tags("once", 10)).isEmpty();
        assertThat(services.tags("ja", 10)).containsExactly("java");
    }

    private static List<String> names(String text) {
        SearchTerms terms = services.resolve(text, ServiceFilter.ALL);
        if (terms.mode() == SearchTerms.Mode.SIMILAR_NAME) {
            return List.of();
        }
        return services.list(terms, ServiceFilter.ALL, CatalogServices.Sort.NAME, 0, 10).stream().map(ServiceRow::name).toList();
    }

    private static long team(String slug, Long parent) {
        return jdbc.queryForObject("INSERT INTO teams (slug, name, parent_id, created_at) VALUES (?, ?, ?, now()) RETURNING id",
                Long.class, slug, slug, parent);
    }

    private static ServiceValues service(String name, String title, String description, Long team, Lifecycle lifecycle,
            Integer tier, List<String> tags) {
        return new ServiceValues("default", name, title, description, "service", lifecycle, tier, team, null, null, null, tags,
                null, null, new EnumMap<>(OpsLinkKind.class));
    }
}
