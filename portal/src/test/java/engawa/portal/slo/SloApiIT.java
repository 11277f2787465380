package engawa.portal.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import engawa.portal.people.ApiTokenService;
import engawa.portal.support.ApiClient;
import engawa.portal.support.MutableClock;
import engawa.portal.support.PortalTest;
import engawa.portal.support.Receiver;
import engawa.portal.support.SignedIn;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * SLOs through the REST API on the real database: who may change them, bad input refused whole,
 * exact status numbers, idempotent slices, events once per crossing (also with writers racing),
 * OpenSLO files out and back in, and the common-minimum scorecard and its catalog filter.
 */
@PortalTest
class SloApiIT {

    static final Duration WAIT = Duration.ofSeconds(20);

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

    ApiClient api;
    String kenji;
    String hana;
    final Receiver receiver = new Receiver();

    @BeforeEach
    void tokens() {
        api = new ApiClient(port);
        kenji = token("kenji");
        hana = token("hana");
    }

    String token(String who) {
        return signedIn.as(who, "MEMBER", () -> tokens.create(who, "slo-it", null)).token();
    }

    @AfterEach
    void stop() {
        receiver.close();
        jdbc.update("UPDATE webhook_subscriptions SET deleted_at = now() WHERE target_url LIKE ?", receiver.url("") + "%");
    }

    JsonNode send(String method, String path, String token, String body, int status) throws Exception {
        HttpResponse<String> answer = api.send(method, path, token, body);
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(status);
        return answer.body().isEmpty() ? null : json.readTree(answer.body());
    }

    String createSlo(String service, String name, String objective, String window) throws Exception {
        return send("POST", "/api/v1/services/" + service + "/slos", kenji, """
                {"name": "%s", "displayName": "Refunds %s", "goodMeans": "A refund request is answered without a server error.",
                 "objectivePercent": %s, "window": "%s"}""".formatted(name, name, objective, window), 201).get("id").asString();
    }

    /** {@code n} 5-minute slices ending at the last whole 5 minutes before now, each with {@code total} events. */
    static String slices(Instant end, int n, long good, long total) {
        List<String> rows = new ArrayList<>();
        for (int i = n; i > 0; i--) {
            Instant start = end.minus(Duration.ofMinutes(5L * i));
            rows.add("{\"start\": \"%s\", \"end\": \"%s\", \"good\": %d, \"total\": %d}".formatted(start,
                    start.plus(Duration.ofMinutes(5)), good, total));
        }
        return "[" + String.join(", ", rows) + "]";
    }

    Instant lastFiveMinutes() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        return now.minus(now.getEpochSecond() / 60 % 5, ChronoUnit.MINUTES);
    }

    @Test
    void the_owners_create_an_slo_and_everyone_reads_its_exact_status() throws Exception {
        String id = createSlo("refunds", "refunds-answered", "99.9", "30d");
        send("POST", "/api/v1/services/refunds/slos", hana, """
                {"name": "not-mine", "goodMeans": "x", "objectivePercent": 99, "window": "7d"}""", 403);

        JsonNode empty = send("GET", "/api/v1/slos/" + id + "/status", hana, null, 200);
        assertThat(empty.get("state").asString()).isEqualTo("no-data");
        assertThat(empty.get("achievedPercent").isNull()).isTrue();

        // 12 slices (the last hour) of 10,000 events, 5 bad each: 60 bad of 120,000
        Instant end = lastFiveMinutes();
        JsonNode written = send("POST", "/api/v1/slos/" + id + "/measurements", kenji, slices(end, 12, 9_995, 10_000), 200);
        assertThat(written.get("accepted").asInt()).isEqualTo(12);
        JsonNode status = send("GET", "/api/v1/slos/" + id + "/status", hana, null, 200);
        assertThat(status.get("events").get("total").asLong()).isEqualTo(120_000);
        assertThat(status.get("events").get("bad").asLong()).isEqualTo(60);
        // budget 0.1% of 120,000 = 120 events; 60 left; half of 43.2 minutes
        assertThat(status.get("errorBudget").get("events").decimalValue()).isEqualByComparingTo("120");
        assertThat(status.get("errorBudget").get("remainingEvents").decimalValue()).isEqualByComparingTo("60");
        assertThat(status.get("errorBudget").get("remainingPercent").decimalValue()).isEqualByComparingTo("50");
        assertThat(status.get("errorBudget").get("remainingTime").asString()).isEqualTo("PT21M36S");
        assertThat(status.get("achievedPercent").decimalValue()).isEqualByComparingTo("99.95");
        assertThat(status.get("burnRates").get("1h").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(status.get("burnRates").get("3d").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(status.get("alert").asString()).isEqualTo("none");
        assertThat(status.get("state").asString()).isEqualTo("healthy");
        assertThat(status.get("summary").asString()).isEqualTo("21 minutes of error budget left for the last 30 days (50%).");

        // the same slices again replace, not add
        send("POST", "/api/v1/slos/" + id + "/measurements", kenji, slices(end, 12, 9_990, 10_000), 200);
        JsonNode replaced = send("GET", "/api/v1/slos/" + id + "/status", hana, null, 200);
        assertThat(replaced.get("events").get("total").asLong()).isEqualTo(120_000);
        assertThat(replaced.get("events").get("bad").asLong()).isEqualTo(120);
        assertThat(replaced.get("state").asString()).isEqualTo("spent");
        assertThat(replaced.get("errorBudget").get("remainingEvents").decimalValue()).isEqualByComparingTo("0");

        // hana reads it but may not feed it
        send("POST", "/api/v1/slos/" + id + "/measurements", hana, slices(end, 1, 1, 1), 403);
        JsonNode list = send("GET", "/api/v1/services/refunds/slos", hana, null, 200);
        assertThat(list).anySatisfy(s -> assertThat(s.get("slo").get("name").asString()).isEqualTo("refunds-answered"));
    }

    @Test
    void an_slo_that_contradicts_itself_is_refused_field_by_field() throws Exception {
        JsonNode refused = send("POST", "/api/v1/services/refunds/slos", kenji, """
                {"name": "Bad Name", "objectivePercent": 100, "window": "14d", "goodQuery": "sum(x)"}""", 422);
        List<String> fields = new ArrayList<>();
        refused.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("name", "goodMeans", "objectivePercent", "window", "totalQuery");
        assertThat(refused.toString()).contains("less than 100%").contains("7d, 28d or 30d");
        send("POST", "/api/v1/services/refunds/slos", kenji, """
                {"name": "zero", "goodMeans": "x", "objectivePercent": 0, "window": "7d"}""", 422);
        send("POST", "/api/v1/services/refunds/slos", kenji, """
                {"name": "zone", "goodMeans": "x", "objectivePercent": 99, "window": "month", "timeZone": "Mars/Olympus"}""", 422);
        createSlo("refunds", "twice", "99", "7d");
        JsonNode taken = send("POST", "/api/v1/services/refunds/slos", kenji, """
                {"name": "twice", "goodMeans": "x", "objectivePercent": 99, "window": "7d"}""", 422);
        assertThat(taken.get("errors").get(0).get("field").asString()).isEqualTo("name");
        send("POST", "/api/v1/services/no-such-service/slos", kenji, """
                {"name": "x", "goodMeans": "x", "objectivePercent": 99, "window": "7d"}""", 404);
    }

    @Test
    void measurements_that_contradict_themselves_are_refused_row_by_row_and_nothing_is_written() throws Exception {
        String id = createSlo("refunds", "refunds-rows", "99", "7d");
        Instant end = lastFiveMinutes();
        send("POST", "/api/v1/slos/" + id + "/measurements", kenji, slices(end, 2, 99, 100), 200);
        Instant a = end.minus(Duration.ofMinutes(30));
        String bad = """
                [{"start": "%s", "end": "%s", "good": 10, "total": 10},
                 {"start": "%s", "end": "%s", "good": 11, "total": 10},
                 {"start": "%s", "end": "%s", "good": -1, "total": 10},
                 {"start": "%s", "end": "%s", "good": 1, "total": 1},
                 {"start": "yesterday", "end": "%s", "good": 1, "total": 1}]""".formatted(
                a, a.plusSeconds(300), a.plusSeconds(300), a.plusSeconds(600), a.plusSeconds(600), a.plusSeconds(900),
                end, end.plusSeconds(300), end);
        JsonNode refused = send("POST", "/api/v1/slos/" + id + "/measurements", kenji, bad, 422);
        Map<String, String> byField = new java.util.LinkedHashMap<>();
        refused.get("errors").forEach(e -> byField.put(e.get("field").asString(), e.get("message").asString()));
        assertThat(byField).containsKeys("[1].good", "[2].good", "[3].end", "[4].start");
        assertThat(byField.get("[1].good")).startsWith("Row 2: good (11) is more than total (10)");
        assertThat(byField.get("[3].end")).contains("ends in the future");

        // a slice over a stored one with other bounds, and one repeated inside the batch
        Instant stored = end.minus(Duration.ofMinutes(10));
        JsonNode overlap = send("POST", "/api/v1/slos/" + id + "/measurements", kenji, """
                [{"start": "%s", "end": "%s", "good": 1, "total": 1}]""".formatted(stored, stored.plusSeconds(60)), 422);
        assertThat(overlap.get("errors").get(0).get("message").asString()).contains("send the same start and end to replace it");
        JsonNode repeated = send("POST", "/api/v1/slos/" + id + "/measurements", kenji, """
                [{"start": "%s", "end": "%s", "good": 1, "total": 1}, {"start": "%s", "end": "%s", "good": 1, "total": 1}]"""
                .formatted(a, a.plusSeconds(60), a, a.plusSeconds(60)), 422);
        assertThat(repeated.get("errors").get(0).get("message").asString()).contains("same slice as row 1");
        send("POST", "/api/v1/slos/" + id + "/measurements", kenji, "[]", 422);
        send("POST", "/api/v1/slos/" + id + "/measurements", kenji, "[null]", 422);

        Long rows = jdbc.queryForObject("SELECT count(*) FROM slo_measurements WHERE slo_id = ?", Long.class, Long.parseLong(id));
        assertThat(rows).as("only the first, good batch is stored").isEqualTo(2);
    }

    @Test
    void budget_warnings_go_out_once_per_crossing_and_the_alert_level_when_it_changes() throws Exception {
        for (String event : List.of("slo.budget.warning", "slo.budget.exhausted", "slo.alert.changed")) {
            send("POST", "/api/v1/hooks", kenji, "{\"event\": \"" + event + "\", \"target_url\": \"" + receiver.url("/" + event)
                    + "\"}", 201);
        }
        String id = createSlo("refunds", "refunds-events", "99", "7d");
        Instant end = lastFiveMinutes();
        // a week of 2,016 slices of 1,000 events with 4 bad: 40% of the budget spent, burn rate 0.4
        send("POST", "/api/v1/slos/" + id + "/measurements", kenji, slices(end.minus(Duration.ofHours(1)), 2_004, 996, 1_000), 200);
        // the last hour at 20% errors: 12 x 200 = 2,400 bad on top of 8,016: budget 20,160 - 10,416 = 48% left; pages
        send("POST", "/api/v1/slos/" + id + "/measurements", kenji, slices(end, 12, 800, 1_000), 200);
        await().atMost(WAIT).until(() -> received("/slo.budget.warning").size() == 1 && received("/slo.alert.changed").size() == 1);
        JsonNode warning = body(received("/slo.budget.warning").getFirst());
        assertThat(warning.get("data").get("crossed_percent").asInt()).isEqualTo(50);
        assertThat(warning.get("data").get("slo").get("name").asString()).isEqualTo("refunds-events");
        JsonNode alert = body(received("/slo.alert.changed").getFirst());
        assertThat(alert.get("data").get("alert").get("to").asString()).isEqualTo("page");
        assertThat(alert.get("data").get("message").asString()).contains("burning its error budget fast");

        // the same slices sent again change nothing: no second warning, no second alert
        send("POST", "/api/v1/slos/" + id + "/measurements", kenji, slices(end, 12, 800, 1_000), 200);
        // four writers at once push it below a quarter (8,016 + 12 x 900 bad: 6.7% left): one warning, from whichever got the lock first
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> writers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            writers.add(pool.submit((Callable<Integer>) () -> api.send("POST", "/api/v1/slos/" + id + "/measurements", kenji,
                    slices(end, 12, 100, 1_000)).statusCode()));
        }
        for (Future<Integer> w : writers) {
            assertThat(w.get()).isEqualTo(200);
        }
        pool.shutdown();
        await().atMost(WAIT).until(() -> received("/slo.budget.warning").size() >= 2);
        clock.advance(Duration.ofMinutes(1));
        // the last two hours all bad: past the budget
        send("POST", "/api/v1/slos/" + id + "/measurements", kenji, slices(end, 24, 0, 1_000), 200);
        await().atMost(WAIT).until(() -> received("/slo.budget.exhausted").size() == 1);
        // once per crossing, counted where it is decided: the outbox
        assertThat(events("slo.budget.warning", id)).isEqualTo(2);
        assertThat(events("slo.budget.exhausted", id)).isOne();
        assertThat(events("slo.alert.changed", id)).as("still paging: no new alert event").isOne();
        assertThat(received("/slo.budget.warning")).hasSize(2);
        assertThat(body(received("/slo.budget.warning").get(1)).get("data").get("crossed_percent").asInt()).isEqualTo(25);
        assertThat(received("/slo.alert.changed")).as("still paging: no new alert event").hasSize(1);
        assertThat(received("/slo.budget.exhausted")).hasSize(1);
        JsonNode status = send("GET", "/api/v1/slos/" + id + "/status", hana, null, 200);
        assertThat(status.get("state").asString()).isEqualTo("spent");
        assertThat(status.get("errorBudget").get("remainingPercent").decimalValue()).isEqualByComparingTo("0");
        assertThat(status.get("errorBudget").get("overspentEvents").decimalValue()).isPositive();
    }

    @Test
    void an_export_imports_back_to_the_same_slos_and_bad_files_are_refused_whole() throws Exception {
        send("POST", "/api/v1/services/fx-rates/slos", kenji, """
                {"name": "rates-fresh", "displayName": "Rates are fresh", "description": "From the rate feed.",
                 "goodMeans": "A rate served is less than a minute old.", "objectivePercent": 99.95, "window": "month",
                 "timeZone": "Europe/Berlin"}""", 201);
        send("POST", "/api/v1/services/fx-rates/slos", kenji, """
                {"name": "rates-answered", "goodMeans": "A rate request is answered.", "objectivePercent": 99.5, "window": "28d",
                 "goodQuery": "sum(fx_requests_total{code!~\\"5..\\"})", "totalQuery": "sum(fx_requests_total)"}""", 201);
        HttpResponse<String> export = api.send("GET", "/api/v1/slos/export?service=fx-rates", hana, null);
        assertThat(export.statusCode()).isEqualTo(200);
        String yaml = export.body();
        assertThat(yaml).contains("apiVersion: openslo/v1").contains("kind: SLI").contains("kind: SLO")
                .contains("budgetingMethod: Occurrences").contains("target: 0.9995").contains("type: Prometheus")
                .contains("timeZone: Europe/Berlin");

        JsonNode again = importFile(yaml, false, kenji, 200);
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
        assertThat(again.get("created").asInt()).isZero();

        // deleted, then imported from the export: the same SLOs again
        JsonNode before = send("GET", "/api/v1/services/fx-rates/slos", hana, null, 200);
        for (JsonNode s : before) {
            send("DELETE", "/api/v1/slos/" + s.get("slo").get("id").asString(), kenji, null, 204);
        }
        JsonNode dry = importFile(yaml, true, kenji, 200);
        assertThat(dry.get("created").asInt()).isEqualTo(2);
        assertThat(dry.get("applied").asBoolean()).isFalse();
        assertThat(send("GET", "/api/v1/services/fx-rates/slos", hana, null, 200)).isEmpty();
        assertThat(importFile(yaml, false, kenji, 200).get("created").asInt()).isEqualTo(2);
        JsonNode after = send("GET", "/api/v1/services/fx-rates/slos", hana, null, 200);
        assertThat(definitions(after)).isEqualTo(definitions(before));

        // hana owns nothing here: each SLO refused, so nothing written
        JsonNode notHers = importFile(yaml.replace("rates-fresh", "rates-other"), false, hana, 200);
        assertThat(notHers.get("problems").toString()).contains("Only the owners");
        assertThat(notHers.get("applied").asBoolean()).isFalse();

        String broken = """
                apiVersion: openslo/v1
                kind: AlertPolicy
                metadata: {name: wake-me}
                ---
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: half-done}
                spec:
                  service: fx-rates
                  budgetingMethod: Timeslices
                  timeWindow: [{duration: 5x, isRolling: true}]
                  objectives: [{target: 1.5}]
                  indicatorRef: missing
                ---
                apiVersion: openslo/v2
                kind: SLO
                metadata: {name: future}
                ---
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: good-one}
                spec:
                  service: fx-rates
                  budgetingMethod: Occurrences
                  timeWindow: [{duration: 7d, isRolling: true}]
                  objectives: [{target: 0.99}]
                  indicator:
                    spec:
                      description: A request is answered.
                      ratioMetric: {good: {metricSource: {type: x, spec: {}}}, total: {metricSource: {type: x, spec: {}}}}
                """;
        // the rule of every import, as the catalog's: the good one is written, each other is reported
        JsonNode report = importFile(broken, false, kenji, 200);
        String problems = report.get("problems").toString();
        assertThat(problems).contains("Engawa reads kinds SLO and SLI only").contains("Engawa budgets by Occurrences only")
                .contains("timeWindow.duration must be a number and a unit").contains("must be more than 0 and less than 1")
                .contains("names no SLI in this file").contains("apiVersion must be openslo/v1");
        assertThat(report.get("rule").asString()).startsWith("Every document that can be taken is written");
        assertThat(report.get("applied").asBoolean()).isTrue();
        assertThat(report.get("created").asInt()).isOne();
        assertThat(send("GET", "/api/v1/services/fx-rates/slos", hana, null, 200).toString()).contains("good-one")
                .doesNotContain("half-done").doesNotContain("future");
        JsonNode unreadable = importFile("kind: SLO\n  - : [", false, kenji, 200);
        assertThat(unreadable.get("problems")).isNotEmpty();
        assertThat(unreadable.get("applied").asBoolean()).isFalse();
    }

    private static List<String> definitions(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : list) {
            JsonNode slo = s.get("slo");
            out.add(String.join("|", slo.get("name").asString(), String.valueOf(slo.get("displayName")),
                    String.valueOf(slo.get("description")), slo.get("goodMeans").asString(),
                    slo.get("objectivePercent").decimalValue().stripTrailingZeros().toPlainString(), slo.get("window").asString(),
                    String.valueOf(slo.get("timeZone")), String.valueOf(slo.get("goodQuery")), String.valueOf(slo.get("totalQuery"))));
        }
        out.sort(String::compareTo);
        return out;
    }

    JsonNode importFile(String yaml, boolean dryRun, String token, int status) throws Exception {
        HttpResponse<String> answer = api.send("POST", "/api/v1/slos/import?dryRun=" + dryRun, token, yaml,
                Map.of("Content-Type", "application/yaml"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return json.readTree(answer.body());
    }

    @Test
    void the_scorecard_says_what_each_service_lacks_and_the_catalog_filters_by_it() throws Exception {
        // other tests move the shared clock on: the demo's data may be old by now, so payments-api gets fresh data
        String checkout = send("GET", "/api/v1/services/payments-api/slos", hana, null, 200).get(0).get("slo").get("id").asString();
        send("POST", "/api/v1/slos/" + checkout + "/measurements", kenji, slices(lastFiveMinutes(), 1, 1_000, 1_000), 200);
        JsonNode payments = send("GET", "/api/v1/services/payments-api/scorecard", hana, null, 200);
        assertThat(payments.get("level").asString()).isEqualTo("gold");
        assertThat(payments.get("passed").asInt()).isEqualTo(8);

        // a new service with an owner and nothing else
        send("POST", "/api/v1/services", kenji, """
                {"name": "bare-bones", "type": "service", "lifecycle": "experimental", "owner": "payments"}""", 201);
        JsonNode bare = send("GET", "/api/v1/services/bare-bones/scorecard", hana, null, 200);
        Map<String, Boolean> passed = new java.util.LinkedHashMap<>();
        bare.get("checks").forEach(c -> passed.put(c.get("key").asString(), c.get("passed").asBoolean()));
        assertThat(passed).containsEntry("owner", true).containsEntry("slo", false).containsEntry("slo-data", false);
        JsonNode onCall = java.util.stream.StreamSupport.stream(bare.get("checks").spliterator(), false)
                .filter(c -> c.get("key").asString().equals("on-call")).findFirst().orElseThrow();
        // a service written through the API gets no team link templates (the wizard fills those in): the
        // fix says where to add the on-call link, and an owner alone is no level yet
        assertThat(onCall.get("passed").asBoolean()).isFalse();
        assertThat(onCall.get("fix").asString()).contains("on-call link");
        assertThat(bare.get("level").asString()).isEqualTo("none");

        JsonNode withoutSlo = send("GET", "/api/v1/services?missing=slo&size=200", hana, null, 200);
        List<String> names = new ArrayList<>();
        withoutSlo.get("items").forEach(i -> names.add(i.get("name").asString()));
        assertThat(names).contains("bare-bones").doesNotContain("payments-api");
        JsonNode gold = send("GET", "/api/v1/services?level=gold&size=200", hana, null, 200);
        gold.get("items").forEach(i -> assertThat(i.get("level").asString()).isEqualTo("gold"));
        assertThat(gold.get("items").toString()).contains("payments-api");
        String spent = createSlo("bare-bones", "bare-spent", "99", "7d");
        send("POST", "/api/v1/slos/" + spent + "/measurements", kenji, slices(lastFiveMinutes(), 2, 0, 100), 200);
        JsonNode spentServices = send("GET", "/api/v1/services?slo=spent&size=200", hana, null, 200);
        assertThat(spentServices.get("items").toString()).contains("\"bare-bones\"").doesNotContain("\"payments-api\"");
        send("GET", "/api/v1/services?missing=uptime", hana, null, 422);

        JsonNode report = send("GET", "/api/v1/scorecard", hana, null, 200);
        long services = report.get("services").asLong();
        assertThat(services).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM catalog_services", Long.class));
        long levels = 0;
        for (String level : List.of("none", "bronze", "silver", "gold")) {
            levels += report.get("levels").get(level).asLong();
        }
        assertThat(levels).as("every service is at exactly one level").isEqualTo(services);
        assertThat(report.get("passing").get("owner").asLong()).isLessThanOrEqualTo(services);
        assertThat(report.get("teams").toString()).contains("\"team\":\"payments\"");

        // SLO data older than a day no longer counts
        clock.advance(Duration.ofHours(25));
        assertThat(send("GET", "/api/v1/services/payments-api/scorecard", hana, null, 200).get("level").asString())
                .isEqualTo("silver");
    }

    private List<RecordedRequest> received(String path) {
        return receiver.received().stream().filter(r -> r.getUrl().encodedPath().equals(path)).toList();
    }

    private JsonNode body(RecordedRequest request) {
        return json.readTree(request.getBody().utf8());
    }

    private long events(String type, String sloId) {
        return jdbc.queryForObject("SELECT count(*) FROM webhook_events WHERE type = ? AND data -> 'slo' ->> 'id' = ?",
                Long.class, type, sloId);
    }
}
