package engawa.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import engawa.e2e.pages.CatalogPage;
import engawa.e2e.pages.ImportPage;
import engawa.e2e.pages.LoginPage;
import engawa.e2e.pages.ServicePage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An admin brings a Backstage catalog over: sees what would change, then imports, with every refusal explained. */
class CatalogImportJourneyIT extends BrowserJourney {

    @TempDir
    Path files;

    @Test
    void several_files_dropped_at_once_in_any_order_are_previewed_per_file_imported_and_found_in_japanese()
            throws IOException {
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
        // the service comes first, the team that owns it in a second file: Engawa must not care
        Path services = files.resolve("claims-services.yaml");
        Files.writeString(services, """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: claims-api-%1$s
                  title: 保険金請求 API
                  description: Takes insurance claims from the app.
                  links:
                    - url: https://logs.example.com/app/claims-api
                      title: Logs
                      type: logs
                spec:
                  type: service
                  lifecycle: production
                  owner: group:default/claims-%1$s
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Template
                metadata:
                  name: claims-starter
                spec: {}
                """.formatted(suffix));
        Path teams = files.resolve("claims-teams.yaml");
        Files.writeString(teams, """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata:
                  name: claims-%1$s
                  title: Claims %1$s
                spec:
                  type: team
                  parent: engineering
                  children: []
                """.formatted(suffix));

        new LoginPage(page).open(portal.baseUrl()).signInAs("admin", "engawa-admin");
        ImportPage importPage = new ImportPage(page, portal.baseUrl()).open();
        screenshot("empty");
        importPage.uploadAll(services, teams);
        importPage.preview();

        assertThat(importPage.summary()).containsText("What the import would do");
        assertThat(importPage.number("created")).hasText("2");
        assertThat(importPage.number("problems")).hasText("0");
        assertThat(importPage.files()).containsText("claims-services.yaml");
        assertThat(importPage.files()).containsText("claims-teams.yaml");
        assertThat(importPage.unresolved()).hasCount(0);
        assertThat(importPage.skipped()).containsText("claims-services.yaml #2");
        assertThat(importPage.skipped()).containsText("kind Template is not part of Engawa's catalog");
        assertThat(importPage.changes()).containsText("component:default/claims-api-" + suffix);
        screenshot("preview");
        page.navigate(portal.baseUrl() + "/services/claims-api-" + suffix);
        assertThat(page.locator("body")).containsText("There is no service named claims-api-" + suffix);

        importPage.open();
        importPage.uploadAll(services, teams);
        importPage.preview();
        importPage.importNow();
        assertThat(importPage.summary()).containsText("What the import did");
        assertThat(importPage.number("created")).hasText("2");
        screenshot("imported");

        CatalogPage catalog = new CatalogPage(page, portal.baseUrl()).open();
        catalog.search("請求");
        assertThat(catalog.grid()).containsText("保険金請求 API");
        screenshot("found-by-japanese-part");
        catalog.openService("保険金請求 API");
        ServicePage service = new ServicePage(page, portal.baseUrl());
        assertThat(service.title()).hasText("保険金請求 API");
        assertThat(service.owner()).containsText("Claims " + suffix);
        assertThat(service.opsLink("logs")).hasAttribute("href", "https://logs.example.com/app/claims-api");
        assertThat(service.history()).containsText("Imported from a catalog file");
    }

    @Test
    void a_service_whose_team_is_not_imported_yet_says_so_on_its_page() throws IOException {
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
        Path file = files.resolve("orphan.yaml");
        Files.writeString(file, """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: orphan-%1$s
                spec: {type: service, lifecycle: experimental, owner: team-from-elsewhere-%1$s}
                """.formatted(suffix));
        new LoginPage(page).open(portal.baseUrl()).signInAs("admin", "engawa-admin");
        ImportPage importPage = new ImportPage(page, portal.baseUrl()).open();
        importPage.upload(file);
        importPage.preview();
        assertThat(importPage.unresolved()).containsText("team-from-elsewhere-" + suffix + " is not in Engawa yet");
        // on a phone the same report reads as lines: the reason is on screen, not in a column past its edge
        page.setViewportSize(390, 844);
        Locator reason = importPage.unresolved().locator(".list-row:visible").first();
        assertThat(reason).containsText("team-from-elsewhere-" + suffix + " is not in Engawa yet");
        reason.scrollIntoViewIfNeeded();
        org.assertj.core.api.Assertions.assertThat(reason.boundingBox().x + reason.boundingBox().width).isLessThanOrEqualTo(390);
        screenshot("unresolved-on-a-phone");
        page.setViewportSize(1280, 800);
        importPage.importNow();
        assertThat(importPage.summary()).containsText("What the import did");
        screenshot("unresolved-owner");

        ServicePage service = new ServicePage(page, portal.baseUrl()).open("orphan-" + suffix);
        assertThat(service.owner()).containsText("The owner team-from-elsewhere-" + suffix + " is not in the catalog yet");
        screenshot("pending-owner");
    }

    @Test
    void a_file_larger_than_a_megabyte_goes_in_whole_and_every_service_in_it_arrives() throws IOException {
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
        StringBuilder yaml = new StringBuilder();
        int services = 3_000;
        for (int i = 1; i <= services; i++) {
            yaml.append("""
                    ---
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata:
                      name: bulk-%1$s-%2$04d
                      description: "Bulk service %2$d, one of many moved over from Backstage with its logs and dashboard links."
                      tags: [bulk, java]
                      links:
                        - {url: "https://logs.example.com/app/bulk-%2$d", title: Logs, type: logs}
                        - {url: "https://grafana.example.com/d/bulk-%2$d", title: Dashboard, type: dashboard}
                    spec:
                      type: service
                      lifecycle: experimental
                      owner: platform
                    """.formatted(suffix, i));
        }
        Path file = files.resolve("bulk.yaml");
        Files.writeString(file, yaml);
        org.assertj.core.api.Assertions.assertThat(Files.size(file)).isGreaterThan(1_000_000);

        new LoginPage(page).open(portal.baseUrl()).signInAs("admin", "engawa-admin");
        ImportPage importPage = new ImportPage(page, portal.baseUrl()).open();
        importPage.upload(file);
        importPage.preview();
        assertThat(importPage.number("created")).hasText(String.valueOf(services));
        importPage.importNow();
        assertThat(importPage.summary()).containsText("What the import did",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(importPage.number("created")).hasText(String.valueOf(services));

        ServicePage last = new ServicePage(page, portal.baseUrl()).open("bulk-" + suffix + "-" + services);
        assertThat(last.opsLink("metrics")).hasAttribute("href", "https://grafana.example.com/d/bulk-" + services);
    }
}
