package engawa.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import engawa.portal.catalog.backstage.CatalogInfoParser;
import engawa.portal.catalog.backstage.ParsedFile;
import engawa.portal.people.ApiTokenService;
import engawa.portal.support.ApiClient;
import engawa.portal.support.PortalTest;
import engawa.portal.support.SignedIn;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The catalog's REST API over real HTTP, as a script or a Backstage migration would use it. */
@PortalTest
class CatalogApiIT {

    @Value("${local.server.port}")
    int port;
    @Autowired
    SignedIn signedIn;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient api;
    String kenji;
    String sam;

    @BeforeEach
    void tokens() {
        api = new ApiClient(port);
        kenji = signedIn.as("kenji", "MEMBER", () -> tokens.create("kenji", "catalog-it", null)).token();
        sam = signedIn.as("sam", "MEMBER", () -> tokens.create("sam", "catalog-it", null)).token();
    }

    @Test
    void a_service_is_created_read_and_replaced_with_its_version_as_etag() throws Exception {
        HttpResponse<String> created = api.send("POST", "/api/v1/services", kenji, """
                {"name": "api-fraud-check", "title": "Fraud check", "type": "service", "lifecycle": "production",
                 "tier": 1, "owner": "payments", "tags": ["pci"],
                 "opsLinks": {"logs": "https://logs.example.com/fraud", "onCall": "https://pagerduty.example.com/fraud"}}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/services/api-fraud-check");
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode body = json.readTree(created.body());
        assertThat(body.get("ownerName").asString()).isEqualTo("Payments");
        assertThat(body.get("opsLinks").get("onCall").asString()).isEqualTo("https://pagerduty.example.com/fraud");
        assertThat(body.get("opsLinks").get("runbook").isNull()).isTrue();

        HttpResponse<String> read = api.send("GET", "/api/v1/services/API-FRAUD-CHECK", sam, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");

        String replacement = """
                {"name": "api-fraud-check", "title": "Fraud check", "type": "service", "lifecycle": "deprecated",
                 "owner": "payments"}""";
        HttpResponse<String> noIfMatch = api.send("PUT", "/api/v1/services/api-fraud-check", kenji, replacement);
        assertThat(noIfMatch.statusCode()).isEqualTo(428);
        assertThat(json.readTree(noIfMatch.body()).get("detail").asString()).contains("If-Match");

        HttpResponse<String> replaced = api.send("PUT", "/api/v1/services/api-fraud-check", kenji, replacement,
                Map.of("If-Match", "\"1\""));
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(json.readTree(replaced.body()).get("opsLinks").get("logs").isNull()).isTrue();

        HttpResponse<String> stale = api.send("PUT", "/api/v1/services/api-fraud-check", kenji, replacement.replace(
                "deprecated", "experimental"), Map.of("If-Match", "\"1\""));
        assertThat(stale.statusCode()).isEqualTo(412);
        JsonNode problem = json.readTree(stale.body());
        assertThat(problem.get("currentETag").asString()).isEqualTo("\"2\"");
        assertThat(problem.get("changedFields").toString()).contains("lifecycle", "logs", "onCall", "tier", "tags");
        assertThat(problem.get("detail").asString()).contains("Kenji Watanabe changed this service");

        HttpResponse<String> history = api.send("GET", "/api/v1/services/api-fraud-check/history", sam, null);
        JsonNode items = json.readTree(history.body()).get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("changes").get("lifecycle").get("from").asString()).isEqualTo("production");
        assertThat(items.get(0).get("actor").asString()).isEqualTo("kenji");
    }

    @Test
    void an_owner_hands_a_service_only_to_a_team_they_are_in_and_an_admin_to_any() throws Exception {
        api.send("POST", "/api/v1/services", kenji, """
                {"name": "api-refund-ledger", "type": "service", "lifecycle": "production", "owner": "payments"}""");
        HttpResponse<String> away = api.send("PATCH", "/api/v1/services/api-refund-ledger", kenji, "{\"owner\": \"sre\"}");
        assertThat(away.statusCode()).isEqualTo(422);
        assertThat(away.body()).contains("\"field\":\"owner\"").contains("cannot hand this service to it");
        assertThat(json.readTree(api.send("GET", "/api/v1/services/api-refund-ledger", kenji, null).body())
                .get("owner").asString()).isEqualTo("payments");
        HttpResponse<String> byAdmin = api.send("PATCH", "/api/v1/services/api-refund-ledger", PortalTest.ADMIN_TOKEN,
                "{\"owner\": \"sre\"}");
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(200);
        assertThat(json.readTree(byAdmin.body()).get("owner").asString()).isEqualTo("sre");
    }

    @Test
    void a_patch_changes_only_the_fields_it_names() throws Exception {
        api.send("POST", "/api/v1/services", kenji, """
                {"name": "api-payout-scheduler", "type": "service", "lifecycle": "production", "owner": "payments",
                 "tags": ["batch"], "opsLinks": {"runbook": "https://wiki.example.com/payouts"}}""");
        HttpResponse<String> patched = api.send("PATCH", "/api/v1/services/api-payout-scheduler", kenji,
                "{\"tier\": 2, \"opsLinks\": {\"logs\": \"https://logs.example.com/payouts\"}}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        JsonNode body = json.readTree(patched.body());
        assertThat(body.get("tier").asInt()).isEqualTo(2);
        assertThat(body.get("tags").toString()).isEqualTo("[\"batch\"]");
        assertThat(body.get("opsLinks").get("runbook").asString()).isEqualTo("https://wiki.example.com/payouts");
        assertThat(body.get("opsLinks").get("logs").asString()).isEqualTo("https://logs.example.com/payouts");

        HttpResponse<String> cleared = api.send("PATCH", "/api/v1/services/api-payout-scheduler", kenji,
                "{\"tier\": null}", Map.of("If-Match", "\"2\""));
        assertThat(json.readTree(cleared.body()).get("tier").isNull()).isTrue();
    }

    @Test
    void bad_bodies_are_422_with_each_field_named_and_nothing_is_stored() throws Exception {
        HttpResponse<String> bad = api.send("POST", "/api/v1/services", kenji, """
                {"name": "api-bad", "type": "service", "lifecycle": "sunset", "tier": "high", "owner": "payments",
                 "opsLinks": {"logs": "javascript:alert(1)", "grafana": "https://x.example.com"}, "colour": "red"}""");
        assertThat(bad.statusCode()).isEqualTo(422);
        JsonNode errors = json.readTree(bad.body()).get("errors");
        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("colour", "lifecycle", "tier",
                "opsLinks.grafana");
        assertThat(errors.toString()).contains("experimental, production or deprecated").contains("logs, metrics, errors");

        HttpResponse<String> badUrl = api.send("POST", "/api/v1/services", kenji, """
                {"name": "api-bad", "type": "service", "lifecycle": "production", "owner": "payments",
                 "opsLinks": {"logs": "javascript:alert(1)"}}""");
        assertThat(badUrl.statusCode()).isEqualTo(422);
        assertThat(json.readTree(badUrl.body()).get("errors").findValuesAsString("field")).containsExactly("opsLinks.logs");

        assertThat(api.send("POST", "/api/v1/services", kenji, "name=api-bad").statusCode()).as("not JSON").isEqualTo(415);
        assertThat(api.send("POST", "/api/v1/services", kenji, "[1, 2]").statusCode()).isEqualTo(422);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM catalog_services WHERE name = 'api-bad'", Integer.class)).isZero();
    }

    @Test
    void only_the_owning_team_may_change_or_delete_and_delete_needs_the_version() throws Exception {
        api.send("POST", "/api/v1/services", kenji,
                "{\"name\": \"api-settlement\", \"type\": \"service\", \"lifecycle\": \"production\", \"owner\": \"payments\"}");
        HttpResponse<String> samsPatch = api.send("PATCH", "/api/v1/services/api-settlement", sam, "{\"tier\": 4}");
        assertThat(samsPatch.statusCode()).isEqualTo(403);
        assertThat(json.readTree(samsPatch.body()).get("detail").asString()).contains("Only members of Payments");
        assertThat(api.send("DELETE", "/api/v1/services/api-settlement", sam, null, Map.of("If-Match", "\"1\""))
                .statusCode()).isEqualTo(403);
        assertThat(api.send("DELETE", "/api/v1/services/api-settlement", kenji, null).statusCode()).isEqualTo(428);
        assertThat(api.send("DELETE", "/api/v1/services/api-settlement", kenji, null, Map.of("If-Match", "\"1\""))
                .statusCode()).isEqualTo(204);
        assertThat(api.send("GET", "/api/v1/services/api-settlement", kenji, null).statusCode()).isEqualTo(404);
        assertThat(api.send("GET", "/api/v1/services", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void a_search_with_a_typo_says_what_it_searched_for_and_counts_follow_the_filter() throws Exception {
        api.send("POST", "/api/v1/services", kenji, """
                {"name": "api-chargebacks", "description": "Disputes and chargebacks from card networks", "type": "service",
                 "lifecycle": "experimental", "tier": 3, "owner": "payments"}""");
        JsonNode page = json.readTree(api.send("GET", "/api/v1/services?q=chargebakcs&size=5", sam, null).body());
        assertThat(page.get("correctedQuery").asString()).isEqualTo("chargebacks");
        assertThat(page.get("items").findValuesAsString("name")).contains("api-chargebacks");

        JsonNode counts = json.readTree(api.send("GET", "/api/v1/services/counts?owner=payments", sam, null).body());
        assertThat(counts.get("lifecycle").get("experimental").asLong()).isPositive();
        assertThat(counts.get("total").asLong()).isEqualTo(counts.get("tier").get("1").asLong()
                + counts.get("tier").get("2").asLong() + counts.get("tier").get("3").asLong()
                + counts.get("tier").get("4").asLong() + counts.get("tier").get("none").asLong());
        assertThat(api.send("GET", "/api/v1/services?lifecycle=sunset", sam, null).statusCode()).isEqualTo(422);
        assertThat(api.send("GET", "/api/v1/services?owner=nobody-here", sam, null).statusCode()).isEqualTo(422);
        assertThat(api.send("GET", "/api/v1/services?size=500", sam, null).statusCode()).isEqualTo(422);
    }

    @Test
    void a_backstage_file_goes_in_with_a_dry_run_first_and_the_catalog_comes_out_as_yaml() throws Exception {
        String file = """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: api-imported, description: From a catalog-info.yaml}
                spec: {type: service, lifecycle: production, owner: group:default/payments, dependsOn: [resource:default/ledger-db]}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: "not valid"}
                spec: {type: service, lifecycle: production, owner: payments}
                """;
        Map<String, String> yaml = Map.of("Content-Type", "application/yaml");
        HttpResponse<String> dry = api.send("POST", "/api/v1/catalog/import?dryRun=true&file=payments.yaml", kenji, file, yaml);
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        JsonNode report = json.readTree(dry.body());
        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("changes").get(0).get("action").asString()).isEqualTo("CREATE");
        assertThat(report.get("problems").get(0).get("file").asString()).isEqualTo("payments.yaml");
        assertThat(report.get("problems").get(0).get("documentIndex").asInt()).isEqualTo(2);
        assertThat(api.send("GET", "/api/v1/services/api-imported", kenji, null).statusCode()).isEqualTo(404);

        assertThat(api.send("POST", "/api/v1/catalog/import", kenji, file, yaml).statusCode()).isEqualTo(200);
        assertThat(api.send("GET", "/api/v1/services/api-imported", kenji, null).statusCode()).isEqualTo(200);

        HttpResponse<String> exported = api.send("GET", "/api/v1/catalog/export", sam, null);
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
        ParsedFile parsed = new CatalogInfoParser().parse("export.yaml", exported.body());
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.entities()).anySatisfy(e -> {
            assertThat(e.entity().name()).isEqualTo("api-imported");
            assertThat(e.entity().specList("dependsOn")).containsExactly("resource:default/ledger-db");
        });
    }

    @Test
    void several_files_go_in_as_one_form_upload_in_any_order_and_a_zip_follows_its_locations() throws Exception {
        String admin = signedIn.as("admin", "ADMIN", () -> tokens.create("admin", "catalog-it", null)).token();
        String component = """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: api-multi-a, title: 決済ゲートウェイ}
                spec: {type: service, lifecycle: production, owner: api-multi-team}
                """;
        String group = """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: api-multi-team}
                spec: {type: team, children: []}
                """;
        String boundary = "engawa-boundary";
        String form = part(boundary, "components/a.yaml", component) + part(boundary, "teams.yaml", group)
                + "--" + boundary + "--\r\n";
        HttpResponse<String> multi = api.sendBytes("POST", "/api/v1/catalog/import", admin,
                form.getBytes(java.nio.charset.StandardCharsets.UTF_8), "multipart/form-data; boundary=" + boundary);
        assertThat(multi.statusCode()).as(multi.body()).isEqualTo(200);
        JsonNode report = json.readTree(multi.body());
        assertThat(report.get("files")).hasSize(2);
        assertThat(report.get("files").get(0).get("file").asString()).isEqualTo("components/a.yaml");
        assertThat(report.get("unresolved")).as("the team came in the same upload, after the service").isEmpty();
        JsonNode service = json.readTree(api.send("GET", "/api/v1/services/api-multi-a", kenji, null).body());
        assertThat(service.get("owner").asString()).isEqualTo("api-multi-team");

        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("repo/catalog-info.yaml"));
            out.write("""
                    apiVersion: backstage.io/v1alpha1
                    kind: Location
                    metadata: {name: repo}
                    spec:
                      targets: [./services/b.yaml, ./services/not-here.yaml, https://example.com/c.yaml]
                    """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.putNextEntry(new java.util.zip.ZipEntry("repo/services/b.yaml"));
            out.write(component.replace("api-multi-a", "api-multi-b").replace("決済ゲートウェイ", "経費精算")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        HttpResponse<String> zipped = api.sendBytes("POST", "/api/v1/catalog/import?dryRun=false&file=repo.zip", admin,
                zip.toByteArray(), "application/zip");
        assertThat(zipped.statusCode()).as(zipped.body()).isEqualTo(200);
        JsonNode zipReport = json.readTree(zipped.body());
        assertThat(zipReport.get("problems")).isEmpty();
        assertThat(zipReport.get("locations")).hasSize(3);
        assertThat(zipReport.get("locations").get(0).get("followed").asBoolean()).isTrue();
        assertThat(zipReport.get("locations").get(1).get("reason").asString())
                .contains("repo/services/not-here.yaml is not in this upload");
        assertThat(zipReport.get("locations").get(2).get("reason").asString()).contains("web address");
        // and found by a part of its Japanese title
        JsonNode found = json.readTree(api.send("GET", "/api/v1/services?q=" + java.net.URLEncoder.encode("精算",
                java.nio.charset.StandardCharsets.UTF_8), kenji, null).body());
        assertThat(found.get("items")).extracting(i -> i.get("name").asString()).contains("api-multi-b");

        HttpResponse<String> broken = api.sendBytes("POST", "/api/v1/catalog/import?file=repo.tar.gz", admin,
                "not an archive".getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/gzip");
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(json.readTree(broken.body()).get("detail").asString()).contains("repo.tar.gz could not be unpacked");
    }

    private static String part(String boundary, String filename, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/yaml\r\n\r\n" + content + "\r\n";
    }

    @Test
    void an_import_that_is_too_large_or_not_yaml_is_refused_with_what_to_do() throws Exception {
        String big = "# " + "x".repeat(1024) + "\n";
        String fifty = big.repeat(50 * 1024);
        HttpResponse<String> tooLarge = api.send("POST", "/api/v1/catalog/import", kenji, fifty,
                Map.of("Content-Type", "application/yaml", "Expect", "100-continue"));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(json.readTree(tooLarge.body()).get("detail").asString()).contains("50 MB").contains("at most 25 MB")
                .contains("Split it");
        HttpResponse<String> json415 = api.send("POST", "/api/v1/catalog/import", kenji, "{\"kind\": \"Component\"}");
        assertThat(json415.statusCode()).isEqualTo(415);
        HttpResponse<String> notYaml = api.send("POST", "/api/v1/catalog/import", kenji, "kind: [unclosed",
                Map.of("Content-Type", "application/yaml"));
        assertThat(notYaml.statusCode()).isEqualTo(200);
        assertThat(json.readTree(notYaml.body()).get("problems").get(0).get("reason").asString()).contains("not valid YAML");
    }
}
