package engawa.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import engawa.e2e.pages.LoginPage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * SLOs as people use them: an owner writes one in words, uploads a spreadsheet of measurements
 * after checking its preview, and sees the state and both charts change as errors come in; a
 * non-engineer reads the plain-language state on a service page and the overview; the scorecard
 * leads to the services without on-call; all of it also in Japanese, with axe-core on each page.
 */
class SloJourneyIT extends BrowserJourney {

    private static final Pattern ID = Pattern.compile("/slos/(\\d+)");

    /** The last whole 5 minutes: taken once per test, so that two uploads either side of a 5-minute mark cover the same slices. */
    private static Instant lastWholeFiveMinutes() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        return now.minus(now.getEpochSecond() / 60 % 5, ChronoUnit.MINUTES);
    }

    /** {@code n} 5-minute slices ending at {@code end}, as CSV lines or JSON. */
    private static List<String[]> slices(Instant end, int n, long good, long total) {
        List<String[]> rows = new ArrayList<>();
        for (int i = n; i > 0; i--) {
            Instant start = end.minus(Duration.ofMinutes(5L * i));
            rows.add(new String[] {start.toString(), start.plus(Duration.ofMinutes(5)).toString(), String.valueOf(good),
                    String.valueOf(total)});
        }
        return rows;
    }

    private static byte[] csv(List<String[]> rows) {
        StringBuilder out = new StringBuilder("start,end,good,total\n");
        rows.forEach(r -> out.append(String.join(",", r)).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void upload(String name, byte[] content) {
        // the preview that follows is what the steps after this wait for
        page.locator("#slo-upload input[type=file]").setInputFiles(new FilePayload(name, "text/csv", content));
    }

    private String chart(String kind) {
        return page.locator(".slo-chart-image[data-chart=" + kind + "]").getAttribute("src");
    }

    @Test
    void an_owner_writes_an_slo_uploads_measurements_after_a_preview_and_sees_the_state_and_charts_change() throws Exception {
        new LoginPage(page).open(portal.baseUrl()).signInAs("kenji", "engawa-owner");
        page.navigate(portal.baseUrl() + "/services/refunds");
        assertThat(page.locator("#service-slo-none")).isVisible();
        page.locator("#slo-add").click();

        assertThat(page.locator("h1")).containsText("New SLO for refunds");
        page.locator("#slo-display-name input").fill("Refunds are answered");
        assertThat(page.locator("#slo-name input")).hasValue("refunds-are-answered");
        page.locator("#slo-good-means input").fill("A refund request is answered without a server error.");
        page.locator("#slo-objective input").fill("100");
        page.locator("#slo-window").getByText("Rolling 7 days").click();
        Accessibility.assertNoSeriousViolations(page, "SLO form");
        page.locator("#slo-save").click();
        assertThat(page.locator("#slo-objective")).hasAttribute("invalid", "");
        assertThat(page.locator("#slo-objective")).containsText("less than 100%");
        page.locator("#slo-objective input").fill("99.5");
        page.locator("#slo-save").click();

        assertThat(page).hasURL(ID);
        assertThat(page.locator("#slo-title")).hasText("Refunds are answered");
        assertThat(page.locator(".slo-state")).hasText("No data yet");
        assertThat(page.locator(".slo-sentence")).containsText("has no measurements for the last 7 days yet");
        Accessibility.assertNoSeriousViolations(page, "SLO page without data");
        String emptyBurnDown = chart("burn-down");

        // a spreadsheet with a mistake: the preview says which row, nothing is saved
        Instant end = lastWholeFiveMinutes();
        List<String[]> rows = slices(end, 24, 9_990, 10_000);
        List<String[]> wrong = new ArrayList<>(rows);
        wrong.set(1, new String[] {rows.get(1)[0], rows.get(1)[1], "10001", "10000"});
        upload("refunds-wrong.csv", csv(wrong));
        assertThat(page.locator("#slo-upload-problems")).containsText("Row 2: good (10,001) is more than total (10,000)");
        assertThat(page.locator("#slo-upload-save")).hasCount(0);

        // the right one: a preview of what it holds, then saved
        upload("refunds.csv", csv(rows));
        assertThat(page.locator("#slo-upload-summary")).containsText("24 measurements");
        assertThat(page.locator("#slo-upload-summary")).containsText("239,760 good of 240,000 events");
        screenshot("preview");
        page.locator("#slo-upload-save").click();
        assertThat(page.locator(".slo-state")).hasText("Healthy");
        // 240 bad of a 1,200-event budget: 80% left
        assertThat(page.locator(".slo-sentence")).containsText("of error budget left for the last 7 days (80%)");
        assertThat(page.locator(".slo-why")).containsText("Why Healthy: no alarm is going off");
        assertThat(page.locator(".slo-budget-text")).hasText("80% of the error budget left");
        String healthyBurnDown = chart("burn-down");
        String healthyBurnRate = chart("burn-rate");
        org.assertj.core.api.Assertions.assertThat(healthyBurnDown).isNotEqualTo(emptyBurnDown);

        // an outage: the last hour at 20% errors, sent by the team's job through the API
        String id = ID.matcher(page.url()).results().findFirst().orElseThrow().group(1);
        List<String> json = new ArrayList<>();
        for (String[] r : slices(end, 12, 8_000, 10_000)) {
            json.add("{\"start\": \"%s\", \"end\": \"%s\", \"good\": %s, \"total\": %s}".formatted((Object[]) r));
        }
        HttpResponse<String> sent = adminApi("POST", "/api/v1/slos/" + id + "/measurements", "[" + String.join(",", json) + "]");
        org.assertj.core.api.Assertions.assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        page.reload();
        assertThat(page.locator(".slo-state")).hasText("Budget spent");
        assertThat(page.locator(".slo-advice")).containsText("reliability work comes first");
        org.assertj.core.api.Assertions.assertThat(chart("burn-down")).isNotEqualTo(healthyBurnDown);
        org.assertj.core.api.Assertions.assertThat(chart("burn-rate")).isNotEqualTo(healthyBurnRate);
        page.locator(".slo-numbers-details").getByText("The numbers").click();
        assertThat(page.locator("[data-number=alert]")).hasText("Page (fast burn)");
        assertThat(page.locator("[data-number=events]")).containsText("of 240,000");
        Accessibility.assertNoSeriousViolations(page, "SLO page with data");
        screenshot("spent");

        // the policy, written on the service page, is what the SLO page tells
        page.navigate(portal.baseUrl() + "/services/refunds");
        page.locator("#slo-policy-edit").click();
        page.locator("#slo-policy-input textarea").fill("When the budget is spent, refunds ship fixes only until it recovers.");
        page.locator("#slo-policy-save").click();
        assertThat(page.locator("#slo-policy-text")).hasText("When the budget is spent, refunds ship fixes only until it recovers.");
        assertThat(page.locator("#service-slo .slo-state")).hasText("Budget spent");
    }

    @Test
    void a_non_engineer_reads_the_state_in_plain_words_on_the_service_page_and_the_overview() throws Exception {
        // the stage: six quiet days, then an hour at 5% errors (fifty times what 99.9% allows)
        HttpResponse<String> created = adminApi("POST", "/api/v1/services/reviews/slos", """
                {"name": "reviews-saved", "displayName": "Reviews are saved", "goodMeans": "A review a buyer writes is saved.",
                 "objectivePercent": 99.9, "window": "7d"}""");
        org.assertj.core.api.Assertions.assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Pattern.compile("\"id\":\\s*\"(\\d+)\"").matcher(created.body()).results().findFirst().orElseThrow().group(1);
        List<String[]> hour = slices(lastWholeFiveMinutes(), 12, 9_500, 10_000);
        Instant hourStart = Instant.parse(hour.getFirst()[0]);
        List<String> json = new ArrayList<>();
        for (int day = 6; day > 0; day--) {
            Instant start = hourStart.minus(Duration.ofDays(day));
            json.add("{\"start\": \"%s\", \"end\": \"%s\", \"good\": 9995000, \"total\": 10000000}".formatted(start,
                    start.plus(Duration.ofDays(1))));
        }
        for (String[] r : hour) {
            json.add("{\"start\": \"%s\", \"end\": \"%s\", \"good\": %s, \"total\": %s}".formatted((Object[]) r));
        }
        HttpResponse<String> sent = adminApi("POST", "/api/v1/slos/" + id + "/measurements", "[" + String.join(",", json) + "]");
        org.assertj.core.api.Assertions.assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);

        new LoginPage(page).open(portal.baseUrl()).signInAs("hana", "engawa-staff");
        page.navigate(portal.baseUrl() + "/services/reviews");
        Locator card = page.locator("#service-slo");
        assertThat(card.locator(".slo-state")).hasText("Burning fast");
        assertThat(card.locator(".slo-sentence")).containsText("Reviews are saved is burning its error budget fast: at this pace it is gone in");
        assertThat(card.locator(".slo-advice")).containsText("if you depend on this service, expect trouble");
        // why, in numbers a person can check: what flips the state back is told too
        assertThat(card.locator(".slo-why")).containsText("The alarm goes off when both are above 14.4x");
        assertThat(card.locator(".slo-budget-text")).hasText("40.1% of the error budget left");
        assertThat(card.locator("#slo-policy-text")).containsText("has not written its error-budget policy yet");
        assertThat(card.locator("#slo-add")).hasCount(0);
        assertThat(card.locator("#slo-policy-edit")).hasCount(0);
        assertThat(card.locator(".slo-chart-image")).hasCount(2);
        assertThat(card.locator(".slo-chart-image").first()).hasAttribute("alt", Pattern.compile("error budget left"));
        Accessibility.assertNoSeriousViolations(page, "service page with SLOs");
        screenshot("service");

        page.navigate(portal.baseUrl() + "/slos");
        assertThat(page.locator("#slo-grid")).containsText("Reviews are saved");
        Accessibility.assertNoSeriousViolations(page, "SLO overview");
        page.locator("#slo-state").click();
        page.getByRole(AriaRole.OPTION, new com.microsoft.playwright.Page.GetByRoleOptions().setName("At risk")).click();
        assertThat(page).hasURL(Pattern.compile(".*/slos\\?state=at-risk"));
        assertThat(page.locator("#slo-grid")).containsText("Payments answer within 300 ms");
        // the grid keeps rows it no longer shows in the page: its size says how many it shows
        assertThat(page.locator("#slo-grid")).hasJSProperty("size", 1);
        screenshot("overview");
    }

    @Test
    void the_scorecard_shows_the_common_minimum_and_leads_to_the_services_without_on_call() {
        new LoginPage(page).open(portal.baseUrl()).signInAs("hana", "engawa-staff");
        page.navigate(portal.baseUrl() + "/scorecard");
        assertThat(page.locator("#scorecard-company")).containsText("On-call");
        assertThat(page.locator("#scorecard-teams")).containsText("Payments");
        Accessibility.assertNoSeriousViolations(page, "scorecard");
        screenshot("scorecard");
        page.locator(".scorecard-rule[data-rule=on-call] .scorecard-without").click();
        assertThat(page).hasURL(Pattern.compile(".*/catalog\\?missing=on-call"));
        assertThat(page.locator("#catalog-missing")).containsText("Without on-call");
        assertThat(page.locator("#catalog-summary")).containsText("services");
        assertThat(page.locator("#catalog-grid")).not().containsText("Payments API");
        Accessibility.assertNoSeriousViolations(page, "catalog without on-call");

        // a service page says what is missing, how to fix it and who can
        page.navigate(portal.baseUrl() + "/services/chaos-drills");
        Locator gaps = page.locator("#service-score-checks [data-passed=false]");
        assertThat(gaps.first()).containsText("missing");
        assertThat(page.locator("#service-score-checks [data-rule=on-call]")).containsText("Add the on-call link");
        assertThat(page.locator("#service-score-checks [data-rule=on-call]")).containsText("The owners (Site Reliability) can do this");
        assertThat(page.locator("#service-level")).containsText("Not yet Bronze");
    }

    @Test
    void japanese_readers_on_a_phone_get_the_state_the_advice_and_the_scorecard_in_japanese() {
        context.close();
        context = browser.newContext(contextOptions().setLocale("ja-JP").setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
        page = context.newPage();
        new LoginPage(page).open(portal.baseUrl()).signInAs("hana", "engawa-staff");
        page.navigate(portal.baseUrl() + "/services/payments-api");
        assertThat(page.locator("#service-slo .slo-state").first()).hasText("健全");
        assertThat(page.locator("#service-slo")).containsText("エラーバジェットは残り");
        assertThat(page.locator("#service-slo")).containsText("要注意");
        Accessibility.assertNoSeriousViolations(page, "service page in Japanese");
        screenshot("service-ja");
        page.navigate(portal.baseUrl() + "/scorecard");
        assertThat(page.locator("h1")).hasText("スコアカード");
        assertThat(page.locator("#scorecard-company")).containsText("オンコール");
        Accessibility.assertNoSeriousViolations(page, "scorecard in Japanese");
        page.navigate(portal.baseUrl() + "/slos");
        assertThat(page.locator("#slo-grid")).containsText("要注意");
        // on a phone each SLO reads as lines, its state whole on the screen (a table cut it off)
        Locator firstState = page.locator("#slo-grid .list-row-details .slo-state").first();
        assertThat(firstState).isVisible();
        org.assertj.core.api.Assertions.assertThat(firstState.boundingBox().x + firstState.boundingBox().width)
                .as("the first SLO's state fits the phone's width").isLessThanOrEqualTo(390);
        assertThat(page.locator("vaadin-grid-column[data-screen=wide]").first()).hasJSProperty("hidden", true);
        screenshot("overview-ja-phone");
    }
}
