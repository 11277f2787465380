package engawa.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import engawa.e2e.pages.CatalogPage;
import engawa.e2e.pages.LoginPage;
import engawa.e2e.pages.ServicePage;
import engawa.e2e.pages.Shell;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Service owners keep their entries current; everyone finds and reads them. */
class CatalogJourneyIT extends BrowserJourney {

    @Test
    void an_owner_finds_a_service_despite_a_typo_opens_it_and_adds_its_missing_runbook() {
        new LoginPage(page).open(portal.baseUrl()).signInAs("kenji", "engawa-owner");
        new Shell(page).navItem("Catalog").click();
        CatalogPage catalog = new CatalogPage(page, portal.baseUrl());
        catalog.grid().waitFor();
        assertThat(catalog.summary()).containsText("services");
        screenshot("catalog");

        catalog.search("refnds");
        assertThat(catalog.summary()).containsText("Nothing matched \"refnds\"");
        assertThat(catalog.summary()).containsText("\"refunds\"");
        assertThat(catalog.titles().first()).hasText("Refunds");
        assertThat(page).hasURL(Pattern.compile(".*/catalog\\?q=refnds$"));
        screenshot("typo-search");

        catalog.openService("Refunds");
        ServicePage service = new ServicePage(page, portal.baseUrl());
        assertThat(service.title()).hasText("Refunds");
        assertThat(service.opsLink("logs")).hasAttribute("href", "https://logs.example.com/app/refunds");
        assertThat(service.opsLink("runbook")).containsText("missing");
        assertThat(service.owner()).containsText("Payments");
        assertThat(service.dependsOn()).containsText("Payments API");
        screenshot("service");

        service.edit();
        service.fill("ops-runbook", "wiki.example.com/payments/runbooks/refunds");
        service.save();
        assertThat(service.errorOf("ops-runbook")).containsText("https://");
        service.fill("ops-runbook", "https://wiki.example.com/payments/runbooks/refunds");
        service.fill("service-description", "Gives money back when an order is cancelled, returned or charged twice.");
        service.save();

        assertThat(service.title()).hasText("Refunds");
        assertThat(service.opsLink("runbook")).hasAttribute("href", "https://wiki.example.com/payments/runbooks/refunds");
        assertThat(service.about()).containsText("charged twice");
        assertThat(service.history()).containsText("Runbook");
        assertThat(service.history()).containsText("Kenji");
        // the demo's import is Engawa's own work, told in words rather than as an account name
        assertThat(service.history()).containsText("Engawa (automatic)");
        assertThat(service.history()).not().containsText("#system");
        screenshot("edited");
    }

    @Test
    void what_people_write_shows_in_the_catalog_as_text_never_as_markup() throws Exception {
        String markup = "<img src=x onerror=\"window.pwned=1\"><b>bold</b>";
        String json = markup.replace("\"", "\\\"");
        java.net.http.HttpResponse<String> created = adminApi("POST", "/api/v1/services", """
                {"name": "markup-as-text", "title": "Markup %s", "description": "Says %s", "type": "service",
                 "lifecycle": "experimental", "owner": "payments"}""".formatted(json, json));
        org.assertj.core.api.Assertions.assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        try {
            new LoginPage(page).open(portal.baseUrl()).signInAs("hana", "engawa-staff");
            CatalogPage catalog = new CatalogPage(page, portal.baseUrl()).open("q=markup-as-text");

            assertThat(catalog.titles().first()).hasText("Markup " + markup);
            assertThat(catalog.grid()).containsText("Says " + markup);
            assertThat(catalog.grid().locator("img, b")).hasCount(0);
            org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
        } finally {
            // the journeys share one portal: others count the catalog's services
            adminApi("DELETE", "/api/v1/services/markup-as-text", null,
                    java.util.Map.of("If-Match", created.headers().firstValue("ETag").orElseThrow()));
        }
    }

    @Test
    void filters_are_in_the_address_so_a_shared_link_shows_the_same_list() {
        new LoginPage(page).open(portal.baseUrl()).signInAs("hana", "engawa-staff");
        CatalogPage catalog = new CatalogPage(page, portal.baseUrl()).open();

        catalog.chooseLifecycle("Deprecated");
        assertThat(page).hasURL(Pattern.compile(".*lifecycle=deprecated.*"));
        String shared = page.url();

        Page other = context.newPage();
        other.navigate(shared);
        CatalogPage same = new CatalogPage(other, portal.baseUrl());
        same.grid().waitFor();
        assertThat(same.grid()).containsText("Deprecated");
        assertThat(same.grid()).not().containsText("In production");
        assertThat(other.locator("#catalog-lifecycle")).containsText("Deprecated");
        screenshotOf(other, "shared-filter");
        other.close();
    }

    @Test
    void someone_outside_the_owning_team_reads_everything_but_cannot_edit() {
        new LoginPage(page).open(portal.baseUrl()).signInAs("hana", "engawa-staff");
        ServicePage service = new ServicePage(page, portal.baseUrl()).open("payments-api");

        assertThat(service.title()).hasText("Payments API");
        assertThat(service.editButton()).hasCount(0);
        assertThat(service.readOnlyNote()).containsText("Members of Payments");
        assertThat(service.usedBy()).containsText("Refunds");

        // the owning team's page lists what it runs, each a link back into the catalog
        service.owner().locator("a.owner-link").click();
        assertThat(page).hasURL(portal.baseUrl() + "/teams/payments");
        com.microsoft.playwright.Locator teamServices = page.locator("#team-services");
        assertThat(teamServices).containsText("Payments API");
        assertThat(teamServices.locator(".tier-badge").first()).hasText("Tier 1");
        teamServices.locator("a.service-title", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("Refunds")).click();
        assertThat(page).hasURL(portal.baseUrl() + "/services/refunds");
        assertThat(service.title()).hasText("Refunds");

        page.navigate(portal.baseUrl() + "/services/payments-api/edit");
        assertThat(service.refusal()).containsText("Only members of Payments");
        assertThat(page.locator("#service-save")).hasCount(0);
        screenshot("refused");
    }

    @Test
    void when_two_owners_edit_at_once_the_second_sees_the_first_change_and_keeps_both() {
        new LoginPage(page).open(portal.baseUrl()).signInAs("kenji", "engawa-owner");
        ServicePage kenji = new ServicePage(page, portal.baseUrl()).openEditor("ledger");

        try (BrowserContext otherContext = browser.newContext(contextOptions())) {
            Page otherPage = otherContext.newPage();
            new LoginPage(otherPage).open(portal.baseUrl()).signInAs("admin", "engawa-admin");
            ServicePage admin = new ServicePage(otherPage, portal.baseUrl()).openEditor("ledger");
            admin.fill("service-title-field", "General Ledger");
            admin.save();
            assertThat(admin.title()).hasText("General Ledger");
        }

        kenji.fill("service-description", "Books every payment, refund and payout twice, so the money always adds up.");
        kenji.save();

        assertThat(kenji.conflict()).containsText("changed this service while you were editing");
        assertThat(kenji.conflict()).containsText("Title");
        assertThat(kenji.conflict()).containsText("General Ledger");
        screenshot("conflict");
        kenji.putMineOnTop();
        assertThat(kenji.field("service-title-field")).hasValue("General Ledger");
        kenji.save();

        assertThat(kenji.title()).hasText("General Ledger");
        assertThat(kenji.about()).containsText("adds up");
        assertThat(kenji.history()).containsText("Kenji");
        assertThat(kenji.history()).containsText("Aiko");
    }

    @Test
    void the_new_service_wizard_fills_in_the_team_links_and_creates_the_entry() {
        new LoginPage(page).open(portal.baseUrl()).signInAs("kenji", "engawa-owner");
        new CatalogPage(page, portal.baseUrl()).open();
        page.locator("#catalog-new").click();
        ServicePage form = new ServicePage(page, portal.baseUrl());
        String name = "chargeback-desk-" + Long.toString(System.nanoTime() % 100000, 36);

        form.fill("service-name", "Chargeback desk");
        page.locator("#wizard-next").click();
        assertThat(form.errorOf("service-name")).containsText("letters and digits");
        form.fill("service-name", name);
        form.fill("service-title-field", "Chargeback desk");
        form.fill("service-description", "Answers banks when a customer disputes a card payment.");
        page.locator("#wizard-next").click();
        assertThat(page.locator("#service-owner input")).hasValue(Pattern.compile("Payments.*"));
        page.locator("#wizard-next").click();
        assertThat(page.locator("#wizard-defaults-note")).containsText("standard links of Payments");
        assertThat(form.field("ops-runbook")).hasValue(Pattern.compile("https://.*" + name + ".*"));
        screenshot("wizard-links");
        page.locator("#wizard-next").click();
        assertThat(page.locator("#wizard-review")).containsText(name);
        page.locator("#wizard-next").click();

        assertThat(form.title()).hasText("Chargeback desk");
        assertThat(form.opsLink("runbook")).hasAttribute("href", Pattern.compile(".*" + name + ".*"));
        assertThat(form.history()).containsText("Added to the catalog");
        screenshot("created");
    }

    @Test
    void a_japanese_reader_sees_the_service_page_in_japanese() {
        try (BrowserContext japanese = browser.newContext(contextOptions().setLocale("ja-JP"))) {
            Page jaPage = japanese.newPage();
            new LoginPage(jaPage).open(portal.baseUrl()).signInAs("hana", "engawa-staff");
            ServicePage service = new ServicePage(jaPage, portal.baseUrl()).open("payments-api");

            assertThat(jaPage.locator("#ops-links")).containsText("ランブック");
            assertThat(service.owner()).containsText("問い合わせ先");
            assertThat(service.readOnlyNote()).containsText("のメンバーが更新しています");
            screenshotOf(jaPage, "japanese-service");
            new CatalogPage(jaPage, portal.baseUrl()).open("q=expense");
            assertThat(jaPage.locator("#catalog-summary")).containsText("件");
            screenshotOf(jaPage, "japanese-catalog");
        }
    }
}
