package engawa.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engawa.db.catalog.CatalogServices;
import engawa.db.catalog.Lifecycle;
import engawa.db.catalog.OpsLinkKind;
import engawa.portal.shared.UserFacingException;
import engawa.portal.support.PortalTest;
import engawa.portal.support.SignedIn;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The catalog's rules as owners and others meet them, on the real database. */
@PortalTest
class CatalogServiceIT {

    @Autowired
    CatalogService catalog;
    @Autowired
    SignedIn signedIn;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_owner_adds_a_service_and_its_history_and_event_say_who_did_it() {
        CatalogEntry created = asKenji(() -> catalog.create(draft("it-refunds", "payments")));

        assertThat(created.version()).isEqualTo(1);
        assertThat(created.owner().name()).isEqualTo("Payments");
        assertThat(created.opsLinks()).containsEntry(OpsLinkKind.RUNBOOK, "https://wiki.example.com/it-refunds/runbook");
        List<ChangeEntry> history = asKenji(() -> catalog.history("it-refunds", org.springframework.data.domain.PageRequest.of(0, 10)));
        assertThat(history).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo("CREATED");
            assertThat(c.who()).isEqualTo("Kenji Watanabe");
            assertThat(c.changes()).containsKey("lifecycle");
            assertThat(List.copyOf(c.changes().keySet())).as("as the form shows them, whatever order jsonb keeps")
                    .isEqualTo(ChangeSet.FIELDS.stream().filter(c.changes()::containsKey).toList());
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_events WHERE type = 'service.created'"
                + " AND data->'service'->>'name' = 'it-refunds' AND data->>'actor' = 'kenji'", Integer.class)).isOne();
    }

    @Test
    void someone_outside_the_owning_team_can_neither_add_for_it_nor_change_it() {
        assertThatThrownBy(() -> asSam(() -> catalog.create(draft("it-sams-payments", "payments"))))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.fieldProblems())
                        .singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("owner")));
        CatalogEntry entry = asKenji(() -> catalog.create(draft("it-ledger", "payments")));
        ServiceDraft retitled = withTitle(entry.toDraft(), "Sam was here");

        assertThatThrownBy(() -> asSam(() -> catalog.update("it-ledger", entry.version(), retitled)))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.kind()).isEqualTo(UserFacingException.Kind.FORBIDDEN));
        assertThat(asSam(() -> catalog.details("it-ledger").mayEdit())).isFalse();
        assertThat(asKenji(() -> catalog.details("it-ledger").mayEdit())).isTrue();
        assertThat(asSam(() -> catalog.get("it-ledger").title())).isEqualTo("It Ledger");
    }

    @Test
    void a_second_edit_from_an_old_version_shows_what_changed_instead_of_overwriting_it() {
        CatalogEntry loaded = asKenji(() -> catalog.create(draft("it-payouts", "payments")));
        ServiceDraft adminsEdit = new ServiceDraft(loaded.name(), loaded.title(), loaded.description(), loaded.type(),
                Lifecycle.DEPRECATED, loaded.tier(), "payments", null, loaded.tags(), List.of(), loaded.opsLinks(), List.of(),
                List.of(), List.of());
        signedIn.as("admin", "ADMIN", () -> catalog.update("it-payouts", loaded.version(), adminsEdit));

        ServiceDraft kenjisEdit = withTitle(loaded.toDraft(), "Payouts to sellers");
        assertThatThrownBy(() -> asKenji(() -> catalog.update("it-payouts", loaded.version(), kenjisEdit)))
                .isInstanceOfSatisfying(ServiceEditConflict.class, conflict -> {
                    assertThat(conflict.current().version()).isEqualTo(2);
                    assertThat(conflict.changedFields()).containsExactly("lifecycle");
                    assertThat(conflict.missed()).singleElement().satisfies(c -> {
                        assertThat(c.who()).isEqualTo("Aiko Tanaka");
                        assertThat(c.changes().get("lifecycle")).isEqualTo(new FieldChange("production", "deprecated"));
                    });
                    assertThat(conflict.getMessage()).contains("Aiko Tanaka").contains("lifecycle");
                });
        assertThat(asKenji(() -> catalog.get("it-payouts").lifecycle())).isEqualTo(Lifecycle.DEPRECATED);

        CatalogEntry current = asKenji(() -> catalog.get("it-payouts"));
        CatalogEntry saved = asKenji(() -> catalog.update("it-payouts", current.version(), withTitle(current.toDraft(),
                "Payouts to sellers")));
        assertThat(saved.version()).isEqualTo(3);
        assertThat(saved.lifecycle()).isEqualTo(Lifecycle.DEPRECATED);
        assertThat(saved.title()).isEqualTo("Payouts to sellers");
        assertThat(asKenji(() -> catalog.history("it-payouts", org.springframework.data.domain.PageRequest.of(0, 10)))).first().satisfies(c -> {
            assertThat(c.version()).isEqualTo(3);
            assertThat(c.changes()).containsOnlyKeys("title");
            assertThat(c.changes().get("title")).isEqualTo(new FieldChange("It Payouts", "Payouts to sellers"));
        });
        assertThat(jdbc.queryForList("SELECT data->>'changed_fields' FROM webhook_events WHERE type = 'service.updated'"
                + " AND data->'service'->>'name' = 'it-payouts'", String.class)).containsExactlyInAnyOrder("lifecycle", "title");
    }

    @Test
    void saving_without_changes_keeps_the_version_and_writes_no_history() {
        CatalogEntry entry = asKenji(() -> catalog.create(draft("it-no-op", "payments")));
        CatalogEntry again = asKenji(() -> catalog.update("it-no-op", entry.version(), entry.toDraft()));
        assertThat(again.version()).isEqualTo(entry.version());
        assertThat(asKenji(() -> catalog.historySize("it-no-op"))).isOne();
    }

    @Test
    void bad_input_is_refused_field_by_field_and_nothing_is_stored() {
        ServiceDraft badName = draft("has spaces", "payments");
        assertThatThrownBy(() -> asKenji(() -> catalog.create(badName)))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.getConstraintViolations())
                        .extracting(v -> v.getMessage()).contains("validation.serviceName.format"));

        ServiceDraft good = draft("it-bad-links", "payments");
        ServiceDraft bad = new ServiceDraft(good.name(), null, null, "service", Lifecycle.PRODUCTION, null, "nosuchteam", null,
                List.of(), List.of(new ServiceLink("ftp://example.com/x", "FTP")),
                Map.of(OpsLinkKind.LOGS, "javascript:alert(1)"), List.of("it-bad-links", "resource:Not a name"), List.of(),
                List.of());
        assertThatThrownBy(() -> asKenji(() -> catalog.create(bad)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.fieldProblems())
                        .extracting(UserFacingException.FieldProblem::field)
                        .containsExactlyInAnyOrder("owner", "opsLinks.logs", "links[0].url", "dependsOn[0]", "dependsOn[1]"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM catalog_services WHERE name = 'it-bad-links'", Integer.class))
                .isZero();
        asKenji(() -> catalog.create(draft("it-twice", "payments")));
        assertThatThrownBy(() -> asKenji(() -> catalog.create(draft("IT-Twice", "payments"))))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.getMessage()).contains("already"));
    }

    @Test
    void a_mistyped_search_still_finds_the_service_and_says_what_it_searched_for() {
        asKenji(() -> catalog.create(withDescription(draft("it-reconciler", "payments"), "Matches bank statements to invoices")));
        CatalogQuery query = asSam(() -> catalog.query("statemnets", CatalogFilter.NONE));
        assertThat(query.correctedText()).isEqualTo("statements");
        assertThat(asSam(() -> catalog.list(query, CatalogServices.Sort.NAME, org.springframework.data.domain.PageRequest.of(0, 10)))).extracting(ServiceSummary::name)
                .contains("it-reconciler");
    }

    @Test
    void my_services_are_those_of_my_teams_and_a_team_can_include_its_child_teams() {
        asKenji(() -> catalog.create(draft("it-card-vault", "payments")));
        signedIn.as("yuki", "MEMBER", () -> catalog.create(draft("it-alert-router", "sre")));

        CatalogQuery mine = asKenji(() -> catalog.query("", new CatalogFilter(null, false, true, null, null, null, null)));
        List<ServiceSummary> kenjis = asKenji(() -> catalog.list(mine, CatalogServices.Sort.NAME, org.springframework.data.domain.PageRequest.of(0, 200)));
        assertThat(kenjis).extracting(ServiceSummary::name).contains("it-card-vault").doesNotContain("it-alert-router");
        assertThat(kenjis).allSatisfy(s -> assertThat(s.owner().key()).isEqualTo("payments"));

        CatalogQuery platformOnly = asSam(() -> catalog.query("it-alert", new CatalogFilter("platform", false, false, null,
                null, null, null)));
        CatalogQuery platformAndBelow = asSam(() -> catalog.query("it-alert", new CatalogFilter("platform", true, false, null,
                null, null, null)));
        assertThat(asSam(() -> catalog.list(platformOnly, CatalogServices.Sort.NAME, org.springframework.data.domain.PageRequest.of(0, 10)))).isEmpty();
        assertThat(asSam(() -> catalog.list(platformAndBelow, CatalogServices.Sort.NAME, org.springframework.data.domain.PageRequest.of(0, 10))))
                .extracting(ServiceSummary::name).containsExactly("it-alert-router");
    }

    @Test
    void dependencies_are_visible_from_both_ends() {
        asKenji(() -> catalog.create(draft("it-fx-rates", "payments")));
        ServiceDraft checkout = draft("it-checkout", "payments");
        asKenji(() -> catalog.create(new ServiceDraft(checkout.name(), checkout.title(), null, "service", Lifecycle.PRODUCTION,
                1, "payments", null, List.of(), List.of(), Map.of(), List.of("it-fx-rates", "resource:it-checkout-db"),
                List.of(), List.of())));

        ServiceDetails checkoutPage = asSam(() -> catalog.details("it-checkout"));
        assertThat(checkoutPage.dependsOn()).extracting(d -> d.ref(), d -> d.inCatalog()).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("component:default/it-fx-rates", true),
                org.assertj.core.groups.Tuple.tuple("resource:default/it-checkout-db", false));
        assertThat(asSam(() -> catalog.details("it-fx-rates").dependedOnBy())).extracting(d -> d.name())
                .containsExactly("it-checkout");
    }

    @Test
    void deleting_needs_the_current_version() {
        CatalogEntry entry = asKenji(() -> catalog.create(draft("it-short-lived", "payments")));
        asKenji(() -> catalog.update("it-short-lived", entry.version(), withTitle(entry.toDraft(), "Renamed")));
        assertThatThrownBy(() -> asKenji(() -> {
            catalog.delete("it-short-lived", entry.version());
            return null;
        })).isInstanceOf(ServiceEditConflict.class);
        asKenji(() -> {
            catalog.delete("it-short-lived", entry.version() + 1);
            return null;
        });
        assertThat(asKenji(() -> catalog.find("it-short-lived"))).isEmpty();
    }

    static ServiceDraft draft(String name, String owner) {
        String title = java.util.Arrays.stream(name.split("-")).map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                .collect(java.util.stream.Collectors.joining(" "));
        return new ServiceDraft(name, title, null, "service", Lifecycle.PRODUCTION, 2, owner, null, List.of("java"),
                List.of(), Map.of(OpsLinkKind.RUNBOOK, "https://wiki.example.com/" + name + "/runbook"), List.of(), List.of(),
                List.of());
    }

    static ServiceDraft withTitle(ServiceDraft d, String title) {
        return new ServiceDraft(d.name(), title, d.description(), d.type(), d.lifecycle(), d.tier(), d.owner(), d.system(),
                d.tags(), d.links(), d.opsLinks(), d.dependsOn(), d.providesApis(), d.consumesApis());
    }

    static ServiceDraft withDescription(ServiceDraft d, String description) {
        return new ServiceDraft(d.name(), d.title(), description, d.type(), d.lifecycle(), d.tier(), d.owner(), d.system(),
                d.tags(), d.links(), d.opsLinks(), d.dependsOn(), d.providesApis(), d.consumesApis());
    }

    private <T> T asKenji(java.util.function.Supplier<T> work) {
        return signedIn.as("kenji", "MEMBER", work);
    }

    private <T> T asSam(java.util.function.Supplier<T> work) {
        return signedIn.as("sam", "MEMBER", work);
    }
}
