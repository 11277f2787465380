package engawa.portal.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import engawa.portal.people.ApiTokenService;
import engawa.portal.support.ApiClient;
import engawa.portal.support.MutableClock;
import engawa.portal.support.PortalTest;
import engawa.portal.support.Receiver;
import engawa.portal.support.SignedIn;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recipes through the REST API against a real local workflow (MockWebServer): the signed payload,
 * callbacks, permissions, bad input, health, no answer, scheduled tests and time saved.
 */
@PortalTest
class RecipesApiIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final AtomicInteger NAMES = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    SignedIn signedIn;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    RunOutcomes outcomes;
    @Autowired
    ScheduledTestRuns scheduledTests;

    ApiClient api;
    String yuki;
    String hana;
    String sam;
    final Receiver workflow = new Receiver();
    final Receiver watcher = new Receiver();

    @BeforeEach
    void tokens() {
        api = new ApiClient(port);
        yuki = signedIn.as("yuki", "MEMBER", () -> tokens.create("yuki", "recipes-it", null)).token();
        hana = signedIn.as("hana", "MEMBER", () -> tokens.create("hana", "recipes-it", null)).token();
        sam = signedIn.as("sam", "MEMBER", () -> tokens.create("sam", "recipes-it", null)).token();
    }

    @AfterEach
    void stop() {
        workflow.close();
        watcher.close();
        jdbc.update("UPDATE webhook_deliveries SET status = 'DEAD', next_attempt_at = NULL WHERE status IN ('PENDING', 'FAILED')");
    }

    /** A recipe of the SRE team (yuki's) sending to the local workflow. */
    JsonNode create(boolean callsBack, String extra) throws Exception {
        String slug = "it-recipe-" + NAMES.incrementAndGet();
        HttpResponse<String> created = api.send("POST", "/api/v1/recipes", yuki, """
                {"slug": "%s", "owner": "sre", "category": "reports", "title": "Send the report %s",
                 "titleJa": "レポートを送信する", "summary": "Sends the monthly report.", "minutesSaved": 25,
                 "callsBack": %s, "targetUrl": "%s",
                 "inputs": [{"key": "month", "kind": "text", "label": "Month", "required": true, "pattern": "\\\\d{4}-\\\\d{2}", "defaultValue": "2026-01"},
                            {"key": "copies", "kind": "number", "label": "Copies"},
                            {"key": "email", "kind": "email", "label": "E-mail", "required": true, "defaultValue": "{me.email}"}]
                 %s}""".formatted(slug, slug, callsBack, workflow.url("/flow"), extra));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode recipe = json.readTree(created.body());
        assertThat(recipe.get("signingSecret").asString()).startsWith("whsec_");
        assertThat(recipe.get("status").asString()).isEqualTo("draft");
        assertThat(api.send("POST", "/api/v1/recipes/" + slug + "/publish", yuki, null).statusCode()).isEqualTo(200);
        return recipe;
    }

    JsonNode runOf(String id, String token) throws Exception {
        return json.readTree(api.send("GET", "/api/v1/runs/" + id, token, null).body());
    }

    String awaitStatus(String id, String status) {
        await().atMost(WAIT).until(() -> runOf(id, yuki).get("status").asString().equals(status));
        return status;
    }

    @Test
    void a_run_reaches_the_workflow_signed_and_completes_when_it_calls_back() throws Exception {
        JsonNode recipe = create(true, "");
        String slug = recipe.get("slug").asString();
        String secret = recipe.get("signingSecret").asString();
        HttpResponse<String> subscribed = api.send("POST", "/api/v1/hooks", yuki,
                "{\"event\": \"recipe.run.completed\", \"target_url\": \"" + watcher.url("/done") + "\", \"recipe\": \"" + slug + "\"}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);

        HttpResponse<String> accepted = api.send("POST", "/api/v1/recipes/" + slug + "/runs", hana,
                "{\"inputs\": {\"month\": \"2026-11\", \"copies\": \"2\"}}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String runId = json.readTree(accepted.body()).get("id").asString();
        assertThat(accepted.headers().firstValue("Location")).contains("/api/v1/runs/" + runId);

        await().atMost(WAIT).until(() -> workflow.received().size() == 1);
        RecordedRequest request = workflow.received().getFirst();
        String body = request.getBody().utf8();
        long timestamp = Long.parseLong(request.getHeaders().get("webhook-timestamp"));
        // the Standard Webhooks reference library computes the same signature from the secret the owner got
        assertThat(request.getHeaders().get("webhook-signature"))
                .isEqualTo(new Webhook(secret).sign(request.getHeaders().get("webhook-id"), timestamp, body));
        JsonNode sent = json.readTree(body);
        assertThat(sent.get("type").asString()).isEqualTo("recipe.run");
        JsonNode data = sent.get("data");
        assertThat(data.get("test").asBoolean()).isFalse();
        assertThat(data.at("/inputs/month").asString()).isEqualTo("2026-11");
        assertThat(data.at("/inputs/copies").asInt()).isEqualTo(2);
        assertThat(data.at("/inputs/email").asString()).isEqualTo("hana.sato@example.com");
        assertThat(data.at("/requested_by/username").asString()).isEqualTo("hana");
        assertThat(data.at("/requested_by/language").asString()).as("hana has not chosen a language").isEqualTo("en");
        assertThat(data.at("/run/id").asString()).isEqualTo(runId);
        assertThat(data.at("/recipe/version").asInt()).isEqualTo(1);
        String callback = data.get("callback_url").asString();
        assertThat(callback).contains("/api/v1/runs/" + runId + "/callback?token=");
        awaitStatus(runId, "sent");
        // the token is made as the payload is sent: no stored row holds it
        String token = callback.substring(callback.indexOf("token=") + "token=".length());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_events WHERE data::text LIKE ?", Long.class,
                "%" + token + "%")).isZero();
        assertThat(jdbc.queryForObject("SELECT data::text FROM webhook_events WHERE type = 'recipe.run' AND data -> 'run' ->> 'id' = ?",
                String.class, runId)).contains("token={{callback_token}}");

        String path = callback.substring(callback.indexOf("/api/v1/"));
        HttpResponse<String> forged = api.send("POST", path.replaceAll("token=.*", "token=forged"), null,
                "{\"status\": \"succeeded\"}");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(json.readTree(forged.body()).get("detail").asString()).contains("does not belong to this run");
        HttpResponse<String> badStatus = api.send("POST", path, null, "{\"status\": \"done\"}");
        assertThat(badStatus.statusCode()).isEqualTo(422);

        HttpResponse<String> answered = api.send("POST", path, null,
                "{\"status\": \"succeeded\", \"message\": \"12 rows copied\", \"output\": {\"rows\": 12}}");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        JsonNode run = runOf(runId, hana);
        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        assertThat(run.get("message").asString()).isEqualTo("12 rows copied");

        HttpResponse<String> again = api.send("POST", path, null, "{\"status\": \"failed\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(runOf(runId, hana).get("status").asString()).isEqualTo("succeeded");

        await().atMost(WAIT).until(() -> !watcher.received().isEmpty());
        JsonNode completed = json.readTree(watcher.received().getFirst().getBody().utf8());
        assertThat(completed.get("type").asString()).isEqualTo("recipe.run.completed");
        assertThat(completed.at("/data/run/status").asString()).isEqualTo("succeeded");
        assertThat(completed.at("/data/run/message").asString()).isEqualTo("12 rows copied");

        JsonNode detail = json.readTree(api.send("GET", "/api/v1/recipes/" + slug, hana, null).body());
        assertThat(detail.get("runs").asInt()).isEqualTo(1);
        assertThat(detail.get("health").asString()).isEqualTo("healthy");
    }

    @Test
    void bad_answers_name_the_field_to_fix_and_nothing_is_sent() throws Exception {
        String slug = create(true, "").get("slug").asString();
        HttpResponse<String> refused = api.send("POST", "/api/v1/recipes/" + slug + "/runs", hana,
                "{\"inputs\": {\"month\": \"November\", \"copies\": \"two\", \"colour\": \"red\"}}");
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("inputs.month", "inputs.copies", "inputs.colour");
        assertThat(problem.get("errors").toString()).contains("must be a number").contains("no field");
        HttpResponse<String> missing = api.send("POST", "/api/v1/recipes/" + slug + "/runs", hana,
                "{\"inputs\": {\"month\": \" \"}}");
        assertThat(json.readTree(missing.body()).get("errors").get(0).get("message").asString())
                .isEqualTo("Fill in \"Month\".");
        // refused before anything is written: no run, and nothing in the outbox for the workflow
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recipe_runs r JOIN recipes c ON c.id = r.recipe_id"
                + " WHERE c.slug = ?", Long.class, slug)).isZero();
        assertThat(targetEvents(slug)).isZero();
    }

    @Test
    void the_workflow_learns_the_language_the_person_chose_in_engawa() throws Exception {
        String slug = create(false, "").get("slug").asString();
        String chosen = jdbc.queryForObject("SELECT locale FROM users WHERE username = 'hana'", String.class);
        jdbc.update("UPDATE users SET locale = 'ja' WHERE username = 'hana'");
        try {
            HttpResponse<String> accepted = api.send("POST", "/api/v1/recipes/" + slug + "/runs", hana,
                    "{\"inputs\": {\"month\": \"2026-11\"}}");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            await().atMost(WAIT).until(() -> workflow.received().size() == 1);
            JsonNode data = json.readTree(workflow.received().getFirst().getBody().utf8()).get("data");
            assertThat(data.at("/requested_by/language").asString()).isEqualTo("ja");
        } finally {
            jdbc.update("UPDATE users SET locale = ? WHERE username = 'hana'", chosen);
        }
    }

    @Test
    void implausible_answers_are_refused_or_run_only_when_confirmed_as_the_owners_chose() throws Exception {
        String yesterday = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Tokyo"))).minusDays(1).toString();
        HttpResponse<String> refused = api.send("POST", "/api/v1/recipes/expense-reminder/runs", hana,
                "{\"inputs\": {\"deadline\": \"" + yesterday + "\"}, \"timeZone\": \"Asia/Tokyo\", \"confirm\": true}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).get("errors").get(0).get("message").asString())
                .isEqualTo("\"Deadline\" cannot be in the past: choose today or a later day.");
        HttpResponse<String> negative = api.send("POST", "/api/v1/recipes/submit-expense-claim/runs", hana,
                "{\"inputs\": {\"amount\": \"-500\", \"purpose\": \"Taxi\", \"receipt\": true}}");
        assertThat(negative.statusCode()).isEqualTo(422);
        assertThat(negative.body()).contains("must be between 1 and 1,000,000");

        String late = "{\"inputs\": {\"name\": \"Mei Tanaka\", \"first_day\": \"" + yesterday
                + "\"}, \"timeZone\": \"Asia/Tokyo\"";
        HttpResponse<String> asked = api.send("POST", "/api/v1/recipes/new-joiner-checklist/runs", hana, late + "}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(422);
        assertThat(json.readTree(asked.body()).get("confirm").asBoolean()).isTrue();
        assertThat(json.readTree(asked.body()).get("errors").get(0).get("message").asString())
                .isEqualTo("\"First day\" is in the past.");
        HttpResponse<String> confirmed = api.send("POST", "/api/v1/recipes/new-joiner-checklist/runs", hana,
                late + ", \"confirm\": true}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(202);

        HttpResponse<String> badZone = api.send("POST", "/api/v1/recipes/new-joiner-checklist/runs", hana,
                "{\"inputs\": {\"name\": \"Mei\"}, \"timeZone\": \"Mars/Olympus\"}");
        assertThat(badZone.statusCode()).isEqualTo(422);
        assertThat(badZone.body()).contains("timeZone").contains("is not a time zone");
    }

    @Test
    void people_who_run_a_recipe_never_see_its_target_or_secret_and_cannot_change_it() throws Exception {
        JsonNode recipe = create(true, "");
        String slug = recipe.get("slug").asString();
        String secret = recipe.get("signingSecret").asString();

        String asRunner = api.send("GET", "/api/v1/recipes/" + slug, hana, null).body();
        assertThat(asRunner).doesNotContain(workflow.url("/flow")).doesNotContain(secret).doesNotContain("whsec_");
        assertThat(json.readTree(asRunner).get("targetUrl").isNull()).isTrue();
        String asOwner = api.send("GET", "/api/v1/recipes/" + slug, yuki, null).body();
        assertThat(json.readTree(asOwner).get("targetUrl").asString()).isEqualTo(workflow.url("/flow"));
        assertThat(asOwner).doesNotContain(secret);

        String preview = api.send("POST", "/api/v1/recipes/" + slug + "/preview", hana, "{\"inputs\": {\"month\": \"2026-11\"}}").body();
        JsonNode shown = json.readTree(preview);
        assertThat(shown.get("targetUrl").isNull()).isTrue();
        assertThat(shown.at("/headers/webhook-signature").asString()).isEqualTo("v1,••••••••");
        JsonNode body = json.readTree(shown.get("body").asString());
        assertThat(body.at("/data/inputs/month").asString()).isEqualTo("2026-11");
        assertThat(body.at("/data/callback_url").asString()).endsWith("token=••••••••");
        assertThat(preview).doesNotContain(secret);
        assertThat(json.readTree(api.send("POST", "/api/v1/recipes/" + slug + "/preview", yuki, "{\"inputs\": {\"month\": \"2026-11\"}}")
                .body()).get("targetUrl").asString()).isEqualTo(workflow.url("/flow"));

        assertThat(api.send("PUT", "/api/v1/recipes/" + slug, hana, "{\"title\": \"Mine now\"}").statusCode()).isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/recipes/" + slug + "/archive", hana, null).statusCode()).isEqualTo(403);
        assertThat(api.send("GET", "/api/v1/recipes/" + slug + "/runs", hana, null).statusCode()).isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/recipes/" + slug + "/runs", hana, "{\"inputs\": {\"month\": \"2026-11\"}, \"test\": true}")
                .statusCode()).isEqualTo(403);
        String targetId = jdbc.queryForObject("SELECT target_subscription_id::text FROM recipes WHERE slug = ?", String.class, slug);
        assertThat(api.send("DELETE", "/api/v1/hooks/" + targetId, PortalTest.ADMIN_TOKEN, null).statusCode()).isEqualTo(404);
        assertThat(api.send("GET", "/api/v1/hooks/" + targetId, PortalTest.ADMIN_TOKEN, null).statusCode()).isEqualTo(404);
        HttpResponse<String> watch = api.send("POST", "/api/v1/hooks", hana,
                "{\"event\": \"recipe.run.requested\", \"target_url\": \"" + watcher.url("/x") + "\", \"recipe\": \"" + slug + "\"}");
        assertThat(watch.statusCode()).isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/hooks", hana,
                "{\"event\": \"recipe.run.requested\", \"target_url\": \"" + watcher.url("/x") + "\"}").statusCode()).isEqualTo(403);

        // someone else's run is not theirs to see
        String runId = json.readTree(api.send("POST", "/api/v1/recipes/" + slug + "/runs", hana,
                "{\"inputs\": {\"month\": \"2026-11\"}}").body()).get("id").asString();
        assertThat(api.send("GET", "/api/v1/runs/" + runId, sam, null).statusCode()).isEqualTo(404);
        assertThat(api.send("GET", "/api/v1/runs/" + runId, yuki, null).statusCode()).isEqualTo(200);
    }

    @Test
    void drafts_and_archived_recipes_cannot_be_run_and_refused_targets_are_explained() throws Exception {
        HttpResponse<String> internal = api.send("POST", "/api/v1/recipes", yuki, """
                {"slug": "it-internal", "owner": "sre", "category": "other", "title": "Internal", "summary": "x",
                 "targetUrl": "https://10.0.0.8/hook"}""");
        assertThat(internal.statusCode()).isEqualTo(422);
        assertThat(internal.body()).contains("targetUrl").contains("internal address");
        HttpResponse<String> notYours = api.send("POST", "/api/v1/recipes", hana, """
                {"slug": "it-not-yours", "owner": "sre", "category": "other", "title": "Not yours", "summary": "x"}""");
        assertThat(notYours.statusCode()).isEqualTo(422);
        assertThat(notYours.body()).contains("\"field\":\"owner\"");

        HttpResponse<String> draft = api.send("POST", "/api/v1/recipes", yuki, """
                {"slug": "it-draft", "owner": "sre", "category": "other", "title": "A draft", "summary": "x",
                 "targetUrl": "%s"}""".formatted(workflow.url("/flow")));
        assertThat(draft.statusCode()).isEqualTo(201);
        HttpResponse<String> run = api.send("POST", "/api/v1/recipes/it-draft/runs", yuki, "{}");
        assertThat(run.statusCode()).isEqualTo(409);
        assertThat(run.body()).contains("is a draft");
        assertThat(api.send("GET", "/api/v1/recipes/it-draft", hana, null).statusCode()).isEqualTo(404);

        String slug = create(false, "").get("slug").asString();
        assertThat(api.send("POST", "/api/v1/recipes/" + slug + "/archive", yuki, null).statusCode()).isEqualTo(200);
        HttpResponse<String> archived = api.send("POST", "/api/v1/recipes/" + slug + "/runs", hana,
                "{\"inputs\": {\"month\": \"2026-11\"}}");
        assertThat(archived.statusCode()).isEqualTo(409);
        assertThat(archived.body()).contains("archived");
        // back in the gallery as its next version, with what was edited while it was archived
        assertThat(api.send("PUT", "/api/v1/recipes/" + slug, yuki, """
                {"owner": "sre", "category": "reports", "title": "Back again", "summary": "Sends the monthly report.",
                 "minutesSaved": 25}""").statusCode()).isEqualTo(200);
        JsonNode restored = json.readTree(api.send("POST", "/api/v1/recipes/" + slug + "/publish", yuki, null).body());
        assertThat(restored.get("status").asString()).isEqualTo("published");
        assertThat(restored.get("version").asInt()).isEqualTo(2);
        assertThat(restored.get("title").asString()).isEqualTo("Back again");
        assertThat(json.readTree(api.send("GET", "/api/v1/recipes/" + slug + "/versions", yuki, null).body()))
                .extracting(v -> v.get("version").asInt()).containsExactly(2, 1);
    }

    @Test
    void markdown_with_scripts_comes_back_as_harmless_text() throws Exception {
        String steps = """
                Hello <script>alert(1)</script> <img src=x onerror=alert(2)>
                [click](javascript:alert(3)) <a href="jav&#x09;ascript:alert(4)">x</a>
                <svg/onload=alert(5)> <iframe src="https://evil.example"></iframe>
                ![pic](https://example.com/a.png) **bold** [ok](https://example.com)
                <div style="background:url(javascript:alert(6))">y</div>""";
        HttpResponse<String> created = api.send("POST", "/api/v1/recipes", yuki, json.writeValueAsString(java.util.Map.of(
                "slug", "it-xss", "owner", "sre", "category", "other", "title", "XSS", "summary", "s", "steps", steps)));
        assertThat(created.statusCode()).isEqualTo(201);
        String html = json.readTree(created.body()).get("stepsHtml").asString().toLowerCase(java.util.Locale.ROOT);
        // what survives as markup: no element that runs code, no handler, no script URL; the rest is escaped text
        assertThat(html).doesNotContain("<script").doesNotContain("<iframe").doesNotContain("<svg").doesNotContain("<div")
                .doesNotContain("onerror=").doesNotContain("onload=").doesNotContain("href=\"javascript")
                .doesNotContain("href=\"jav").doesNotContain(" style=").doesNotContain("src=\"x\"");
        assertThat(html).contains("&lt;script&gt;");
        assertThat(html).contains("<strong>bold</strong>").contains("href=\"https://example.com\"")
                .contains("src=\"https://example.com/a.png\"")
                .containsPattern("rel=\"(noopener noreferrer|noreferrer noopener)\"");
    }

    @Test
    void owners_write_what_a_run_will_do_over_the_forms_fields_and_a_misspelt_field_is_refused() throws Exception {
        JsonNode recipe = create(true, ", \"plainPreview\": \"This sends the report for {month} to {email}.\","
                + " \"plainPreviewJa\": \"{month} のレポートを {email} に送ります。\"");
        String slug = recipe.get("slug").asString();
        JsonNode read = json.readTree(api.send("GET", "/api/v1/recipes/" + slug, hana, null).body());
        assertThat(read.get("plainPreview").asString()).isEqualTo("This sends the report for {month} to {email}.");
        assertThat(read.get("plainPreviewJa").asString()).isEqualTo("{month} のレポートを {email} に送ります。");

        HttpResponse<String> misspelt = api.send("POST", "/api/v1/recipes", yuki, """
                {"slug": "it-preview-typo-%d", "owner": "sre", "category": "reports", "title": "Typo", "summary": "A typo.",
                 "inputs": [{"key": "month", "kind": "text", "label": "Month"}],
                 "plainPreview": "The report for {mnth}."}""".formatted(NAMES.incrementAndGet()));
        assertThat(misspelt.statusCode()).isEqualTo(422);
        assertThat(misspelt.body()).contains("{mnth}".substring(1, 5)).contains("{month}");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recipes WHERE slug LIKE 'it-preview-typo-%'", Long.class)).isZero();
    }

    @Test
    void three_failures_in_a_row_make_a_recipe_broken_and_a_success_mends_it_each_change_told_once() throws Exception {
        String slug = create(true, "").get("slug").asString();
        HttpResponse<String> watch = api.send("POST", "/api/v1/hooks", yuki,
                "{\"event\": \"recipe.health.changed\", \"target_url\": \"" + watcher.url("/health") + "\", \"recipe\": \"" + slug + "\"}");
        assertThat(watch.statusCode()).isEqualTo(201);
        int failuresInARow = 0;
        for (String outcome : List.of("succeeded", "failed", "failed", "failed", "failed", "succeeded")) {
            String id = json.readTree(api.send("POST", "/api/v1/recipes/" + slug + "/runs", hana,
                    "{\"inputs\": {\"month\": \"2026-11\"}}").body()).get("id").asString();
            await().atMost(WAIT).until(() -> workflow.received().stream().anyMatch(r -> r.getBody().utf8().contains(id)));
            String callback = workflow.received().stream().map(r -> json.readTree(r.getBody().utf8()))
                    .filter(n -> n.at("/data/run/id").asString().equals(id)).findFirst().orElseThrow()
                    .at("/data/callback_url").asString();
            assertThat(api.send("POST", callback.substring(callback.indexOf("/api/v1/")), null,
                    "{\"status\": \"" + outcome + "\"}").statusCode()).isEqualTo(200);
            failuresInARow = outcome.equals("failed") ? failuresInARow + 1 : 0;
            JsonNode now = json.readTree(api.send("GET", "/api/v1/recipes/" + slug, hana, null).body());
            assertThat(now.get("broken").asBoolean()).as("after %d failures in a row", failuresInARow)
                    .isEqualTo(failuresInARow >= 3);
        }
        await().atMost(WAIT).until(() -> watcher.received().size() == 2);
        // each change is one event in the outbox: a change told twice would be two
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_events WHERE type = 'recipe.health.changed'"
                + " AND data -> 'recipe' ->> 'slug' = ?", Long.class, slug)).isEqualTo(2);
        List<JsonNode> changes = watcher.received().stream().map(r -> json.readTree(r.getBody().utf8())).toList();
        assertThat(changes).extracting(c -> c.at("/data/health/to").asString()).containsExactly("broken", "healthy");
        assertThat(changes.getFirst().at("/data/health/failures_in_a_row").asInt()).isEqualTo(3);
        assertThat(json.readTree(api.send("GET", "/api/v1/recipes/" + slug, hana, null).body()).get("health").asString())
                .isEqualTo("healthy");
    }

    @Test
    void a_workflow_that_does_not_answer_in_time_gives_no_answer_and_try_again_sends_it_anew() throws Exception {
        String slug = create(true, ", \"answerMinutes\": 1").get("slug").asString();
        String id = json.readTree(api.send("POST", "/api/v1/recipes/" + slug + "/runs", hana,
                "{\"inputs\": {\"month\": \"2026-11\"}}").body()).get("id").asString();
        awaitStatus(id, "sent");
        clock.advance(Duration.ofMinutes(2));
        outcomes.expireUnanswered();
        JsonNode run = runOf(id, hana);
        assertThat(run.get("status").asString()).isEqualTo("no-answer");
        assertThat(run.get("message").asString()).contains("did not report back in time");

        HttpResponse<String> again = api.send("POST", "/api/v1/runs/" + id + "/retry", hana, null);
        assertThat(again.statusCode()).isEqualTo(202);
        String second = json.readTree(again.body()).get("id").asString();
        assertThat(runOf(second, hana).get("retryOf").asString()).isEqualTo(id);
        assertThat(runOf(second, hana).at("/inputs/month").asString()).isEqualTo("2026-11");
        await().atMost(WAIT).until(() -> workflow.received().size() == 2);
    }

    @Test
    void a_delivered_run_of_a_workflow_that_does_not_call_back_counts_as_done_and_saves_time() throws Exception {
        JsonNode before = json.readTree(api.send("GET", "/api/v1/time-saved?zone=Asia/Tokyo", hana, null).body());
        String slug = create(false, "").get("slug").asString();
        String id = json.readTree(api.send("POST", "/api/v1/recipes/" + slug + "/runs", hana,
                "{\"inputs\": {\"month\": \"2026-11\"}}").body()).get("id").asString();
        awaitStatus(id, "succeeded");
        assertThat(json.readTree(workflow.received().getFirst().getBody().utf8()).get("data").has("callback_url")).isFalse();
        JsonNode after = json.readTree(api.send("GET", "/api/v1/time-saved?zone=Asia/Tokyo", hana, null).body());
        assertThat(after.get("mineMinutes").asLong()).isEqualTo(before.get("mineMinutes").asLong() + 25);
        assertThat(after.get("everyoneMinutes").asLong()).isEqualTo(before.get("everyoneMinutes").asLong() + 25);
        assertThat(api.send("GET", "/api/v1/time-saved?zone=Mars/Olympus", hana, null).statusCode()).isEqualTo(422);

        // a test run proves it works but saves nobody time
        String test = json.readTree(api.send("POST", "/api/v1/recipes/" + slug + "/runs", yuki,
                "{\"inputs\": {\"month\": \"2026-11\"}, \"test\": true}").body()).get("id").asString();
        awaitStatus(test, "succeeded");
        assertThat(json.readTree(api.send("GET", "/api/v1/time-saved?zone=Asia/Tokyo", hana, null).body())
                .get("everyoneMinutes").asLong())
                .isEqualTo(after.get("everyoneMinutes").asLong());
    }

    @Test
    void the_workflow_answering_500_until_the_outbox_gives_up_fails_the_run_in_plain_words() throws Exception {
        workflow.answer(500);
        String slug = create(false, "").get("slug").asString();
        String id = json.readTree(api.send("POST", "/api/v1/recipes/" + slug + "/runs", hana,
                "{\"inputs\": {\"month\": \"2026-11\"}}").body()).get("id").asString();
        await().atMost(WAIT).until(() -> !runOf(id, hana).get("deliveryNote").isNull());
        JsonNode retrying = runOf(id, hana);
        assertThat(retrying.get("status").asString()).isEqualTo("queued");
        assertThat(retrying.get("nextAttemptAt").isNull()).isFalse();
        // the retry schedule (scaled for tests) runs on the portal's clock: move it on until the outbox gives up
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            clock.advance(Duration.ofSeconds(30));
            return runOf(id, hana).get("status").asString().equals("failed");
        });
        assertThat(runOf(id, hana).get("message").asString()).contains("could not be reached").contains("HTTP 500");
        assertThat(workflow.received().size()).isGreaterThan(1);
    }

    @Test
    void a_queued_run_whose_delivery_was_given_up_elsewhere_fails_instead_of_waiting_for_ever() throws Exception {
        workflow.answer(500);
        String slug = create(false, "").get("slug").asString();
        String id = json.readTree(api.send("POST", "/api/v1/recipes/" + slug + "/runs", hana,
                "{\"inputs\": {\"month\": \"2026-11\"}}").body()).get("id").asString();
        await().atMost(WAIT).until(() -> !runOf(id, hana).get("deliveryNote").isNull());
        // as when its subscription is turned off by another run's 410: its open deliveries are buried
        jdbc.update("UPDATE webhook_deliveries SET status = 'DEAD', next_attempt_at = NULL, stopped_reason = 'Not sent:"
                + " the subscription was turned off.' WHERE event_id = (SELECT event_id FROM recipe_runs WHERE id = ?::uuid)", id);
        assertThat(runOf(id, hana).get("status").asString()).isEqualTo("queued");
        outcomes.expireUnanswered();
        JsonNode run = runOf(id, hana);
        assertThat(run.get("status").asString()).isEqualTo("failed");
        assertThat(run.get("message").asString()).contains("switched off");
    }

    @Test
    void owners_scheduled_test_runs_go_out_when_due_once_and_marked_as_tests() throws Exception {
        String slug = create(false, ", \"testRunsEnabled\": true, \"testEveryDays\": 7").get("slug").asString();
        JsonNode recipe = json.readTree(api.send("GET", "/api/v1/recipes/" + slug, yuki, null).body());
        assertThat(recipe.get("nextTestAt").isNull()).isFalse();
        scheduledTests.sendDue();
        assertThat(targetEvents(slug)).as("not due yet").isZero();
        clock.advance(Duration.ofDays(8));
        scheduledTests.sendDue();
        scheduledTests.sendDue();
        await().atMost(WAIT).until(() -> workflow.received().size() == 1);
        JsonNode data = json.readTree(workflow.received().getFirst().getBody().utf8()).get("data");
        assertThat(data.get("test").asBoolean()).isTrue();
        assertThat(data.at("/inputs/month").asString()).isEqualTo("2026-01");
        // two passes, one test run: the outbox holds one event for the workflow
        assertThat(targetEvents(slug)).isOne();
    }

    /** What the outbox holds for a recipe's workflow: every run sends exactly one. */
    private long targetEvents(String slug) {
        return jdbc.queryForObject("SELECT count(*) FROM webhook_events e JOIN webhook_deliveries d ON d.event_id = e.id"
                + " JOIN webhook_subscriptions s ON s.id = d.subscription_id WHERE e.type = 'recipe.run' AND s.scope = ?",
                Long.class, "recipe:" + slug);
    }
}
