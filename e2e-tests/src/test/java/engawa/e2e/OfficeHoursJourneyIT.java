package engawa.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import engawa.e2e.pages.LoginPage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Office hours as people use them: a staff member finds a drop-in in the week view, joins with
 * what she wants to automate, takes it into her calendar (the file parses) and cancels; a seated
 * session fills and its waitlist moves when someone gives up a seat; a host reads the questions,
 * turns one into a draft recipe and marks who came; joining in Japanese with the keyboard alone.
 */
class OfficeHoursJourneyIT extends BrowserJourney {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Pattern ID = Pattern.compile("\"id\":\\s*\"(\\d+)\"");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** A session next week (Tokyo time), made through the API; returns its id. */
    private String session(String title, String extra, int dayOfNextWeek, int hour) throws Exception {
        LocalDateTime start = nextWeek().plusDays(dayOfNextWeek).atTime(hour, 0);
        HttpResponse<String> created = adminApi("POST", "/api/v1/sessions", """
                {"title": "%s", "description": "Bring a chore you repeat every week.", "topics": ["Zapier"],
                 "hosts": ["yuki"], "room": "Room Sakura", "timeZone": "Asia/Tokyo", "start": "%s", "end": "%s" %s}"""
                .formatted(title, start, start.plusHours(2), extra));
        org.assertj.core.api.Assertions.assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = ID.matcher(created.body());
        org.assertj.core.api.Assertions.assertThat(id.find()).isTrue();
        return id.group(1);
    }

    /** Taken once per test (each test has its own instance): a test that runs across Monday midnight keeps one week. */
    private final LocalDate nextWeek = LocalDate.now(TOKYO).with(TemporalAdjusters.next(DayOfWeek.MONDAY));

    private LocalDate nextWeek() {
        return nextWeek;
    }

    @Test
    void a_staff_member_finds_a_drop_in_in_the_week_view_joins_with_a_question_takes_it_to_her_calendar_and_cancels()
            throws Exception {
        String title = "Automate your inbox " + NAMES.incrementAndGet();
        String id = session(title, "", 2, 14);
        new LoginPage(page).open(portal.baseUrl()).signInAs("hana", "engawa-staff");
        assertThat(page.locator("#home-sessions")).isVisible();

        page.navigate(portal.baseUrl() + "/office-hours");
        assertThat(page.locator("#sessions .session-card").first()).isVisible();
        assertThat(page.locator("#zone-note")).containsText("Asia/Tokyo");
        Accessibility.assertNoSeriousViolations(page, "office hours list");
        page.locator("#view-week").click();
        assertThat(page.locator("#week-grid")).isVisible();
        page.locator("#week-next").click();
        assertThat(page).hasURL(Pattern.compile(".*view=week&week=" + nextWeek() + ".*"));
        Locator block = page.locator(".week-session", new Page.LocatorOptions().setHasText(title));
        assertThat(block).containsText("2:00");
        Accessibility.assertNoSeriousViolations(page, "week view");
        screenshot("week");
        block.click();

        assertThat(page.locator("#session-title")).hasText(title);
        assertThat(page.locator("#session-when")).containsText("(Asia/Tokyo)");
        Accessibility.assertNoSeriousViolations(page, "session page");
        Locator wish = page.locator("#session-wish input");
        wish.fill("The weekly sales report I copy by hand");
        wish.press("Enter");
        page.locator("#session-join").click();
        assertThat(page.locator("#join-state")).containsText("drop by");
        screenshot("joined");

        Download download = page.waitForDownload(() -> page.locator("#calendar-download").click());
        List<ICalendar> calendars = Biweekly.parse(Files.readString(download.path())).all();
        org.assertj.core.api.Assertions.assertThat(calendars).hasSize(1);
        VEvent event = calendars.getFirst().getEvents().getFirst();
        org.assertj.core.api.Assertions.assertThat(event.getSummary().getValue()).isEqualTo(title);
        org.assertj.core.api.Assertions.assertThat(event.getDateStart().getValue().toInstant())
                .isEqualTo(nextWeek().plusDays(2).atTime(14, 0).atZone(TOKYO).toInstant());
        org.assertj.core.api.Assertions.assertThat(event.getLocation().getValue()).isEqualTo("Room Sakura");
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).endsWith(".ics");

        // the host sees her question before the session
        HttpResponse<String> people = adminApi("GET", "/api/v1/sessions/" + id + "/signups", null);
        org.assertj.core.api.Assertions.assertThat(people.body()).contains("The weekly sales report I copy by hand");

        page.locator("#session-leave").click();
        assertThat(page.locator("#session-join")).isVisible();
        org.assertj.core.api.Assertions.assertThat(adminApi("GET", "/api/v1/sessions/" + id + "/signups", null).body())
                .doesNotContain("hana");
    }

    @Test
    void the_first_page_after_signing_in_already_shows_times_in_the_browsers_zone() {
        // a link opened signed out: after signing in, office hours is the session's very first view
        page.navigate(portal.baseUrl() + "/office-hours");
        new LoginPage(page).signInAs("hana", "engawa-staff");
        assertThat(page.locator("#zone-note")).containsText("Asia/Tokyo");
    }

    @Test
    void a_listed_session_is_joined_from_its_card_and_goes_to_google_or_outlook_filled_in() throws Exception {
        int n = NAMES.incrementAndGet();
        String title = "Spreadsheet chores " + n;
        String topic = "Chores" + n;
        LocalDateTime start = nextWeek().plusDays(1).atTime(11, 0);
        HttpResponse<String> created = adminApi("POST", "/api/v1/sessions", """
                {"title": "%s", "description": "Bring a chore.", "topics": ["%s"], "hosts": ["yuki"],
                 "room": "Room Fuji", "timeZone": "Asia/Tokyo", "start": "%s", "end": "%s"}"""
                .formatted(title, topic, start, start.plusHours(1)));
        org.assertj.core.api.Assertions.assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        new LoginPage(page).open(portal.baseUrl()).signInAs("hana", "engawa-staff");

        page.navigate(portal.baseUrl() + "/office-hours?topic=" + topic);
        Locator entry = page.locator(".session-entry", new Page.LocatorOptions().setHasText(title));
        entry.locator(".session-join").click();
        assertThat(entry).containsText("You are coming");
        assertThat(entry.locator(".session-join")).hasCount(0);
        screenshot("joined-from-list");

        entry.locator("a.session-card").click();
        assertThat(page.locator("#join-state")).containsText("drop by");
        String utcStart = start.atZone(TOKYO).withZoneSameInstant(java.time.ZoneOffset.UTC)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        org.assertj.core.api.Assertions.assertThat(page.locator("#calendar-google").getAttribute("href"))
                .startsWith("https://calendar.google.com/calendar/render?action=TEMPLATE")
                .contains("text=Spreadsheet%20chores%20" + n).contains("dates=" + utcStart + "/")
                .contains("location=Room%20Fuji").contains("office-hours%2Fsessions%2F");
        org.assertj.core.api.Assertions.assertThat(page.locator("#calendar-outlook").getAttribute("href"))
                .startsWith("https://outlook.office.com/calendar/0/deeplink/compose")
                .contains("subject=Spreadsheet%20chores%20" + n).contains("location=Room%20Fuji");
        assertThat(page.locator("#calendar-download")).containsText("Apple Calendar");
        page.locator("#session-leave").click();
        assertThat(page.locator("#session-join")).isVisible();
    }

    @Test
    void a_seated_session_fills_and_its_waitlist_moves_when_someone_gives_up_a_seat() throws Exception {
        String title = "SLOs in practice " + NAMES.incrementAndGet();
        String id = session(title, ", \"kind\": \"seated\", \"capacity\": 1", 3, 10);
        try (BrowserContext samsBrowser = browser.newContext(contextOptions())) {
            Page sam = samsBrowser.newPage();
            new LoginPage(sam).open(portal.baseUrl()).signInAs("sam", "engawa-demo-sam");
            sam.navigate(portal.baseUrl() + "/office-hours/sessions/" + id);
            assertThat(sam.locator("#session-join")).hasText("Take a seat");
            sam.locator("#session-join").click();
            assertThat(sam.locator("#join-state")).containsText("You have a seat");

            new LoginPage(page).open(portal.baseUrl()).signInAs("hana", "engawa-staff");
            page.navigate(portal.baseUrl() + "/office-hours/sessions/" + id);
            assertThat(page.locator("#session-join")).hasText("Join the waitlist");
            page.locator("#session-join").click();
            assertThat(page.locator("#join-state")).hasText("You are number 1 on the waitlist.");
            screenshot("waiting");

            sam.locator("#session-leave").click();
            assertThat(sam.locator("#session-join")).isVisible();
        }
        page.reload();
        assertThat(page.locator("#join-state")).containsText("You have a seat");
        page.navigate(portal.baseUrl() + "/office-hours/mine");
        assertThat(page.locator("#my-sessions")).containsText(title);
        Accessibility.assertNoSeriousViolations(page, "my sessions");
    }

    @Test
    void a_host_moves_one_date_of_her_weekly_series_on_her_phone_and_the_next_date_stays() throws Exception {
        String title = "Weekly macros " + NAMES.incrementAndGet();
        String id = session(title, ", \"recurrence\": \"FREQ=WEEKLY;COUNT=3\"", 3, 15);
        page.setViewportSize(390, 844);
        new LoginPage(page).open(portal.baseUrl()).signInAs("yuki", "engawa-demo-yuki");
        page.navigate(portal.baseUrl() + "/office-hours/sessions/" + id);
        page.locator("#session-move").click();
        // both halves of each picker on the screen: the time half used to run past the phone's edge
        Locator endTime = page.locator("#move-end vaadin-time-picker input");
        assertThat(endTime).isVisible();
        org.assertj.core.api.Assertions.assertThat(endTime.boundingBox().x + endTime.boundingBox().width).isLessThanOrEqualTo(390);
        screenshot("move-on-a-phone");
        page.locator("#move-start vaadin-time-picker input").fill("16:00");
        page.keyboard().press("Enter");
        endTime.fill("18:00");
        page.keyboard().press("Enter");
        page.locator("#move-save").click();

        assertThat(page.locator("#session-when")).containsText(Pattern.compile("4:00\\sPM|16:00"));
        // only this date moved: the next one of the series keeps 15:00
        // (the two days only, and a page as large as the API gives: other journeys add yuki's sessions too)
        HttpResponse<String> dates = adminApi("GET", "/api/v1/sessions?from=" + nextWeek().plusDays(3) + "&to="
                + nextWeek().plusDays(11) + "&host=yuki&size=200", null);
        String series = dates.body().replace(" ", "");
        org.assertj.core.api.Assertions.assertThat(series).as(series)
                .contains("\"start\":\"" + nextWeek().plusDays(3).atTime(16, 0) + ":00\"")
                .contains("\"start\":\"" + nextWeek().plusDays(10).atTime(15, 0) + ":00\"");
    }

    @Test
    void a_host_reads_the_questions_makes_a_draft_recipe_of_one_and_marks_who_came() throws Exception {
        String title = "Spreadsheet hour " + NAMES.incrementAndGet();
        String id = session(title, "", 4, 11);
        HttpResponse<String> signedUp = adminApi("POST", "/api/v1/sessions/" + id + "/signups",
                "{\"username\": \"hana\", \"wish\": \"Invoice reminders " + NAMES.get() + "\"}");
        org.assertj.core.api.Assertions.assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(201);

        new LoginPage(page).open(portal.baseUrl()).signInAs("yuki", "engawa-demo-yuki");
        page.navigate(portal.baseUrl() + "/office-hours/sessions/" + id);
        assertThat(page.locator("#host-card")).isVisible();
        assertThat(page.locator("#attendees")).containsText("Hana Sato");
        assertThat(page.locator("#attendees")).containsText("Invoice reminders " + NAMES.get());
        assertThat(page.locator("#wishes")).containsText("One person wants to automate: Invoice reminders");
        Accessibility.assertNoSeriousViolations(page, "host page");
        screenshot("host");
        page.locator("#wishes vaadin-button").first().click();
        assertThat(page).hasURL(Pattern.compile(".*/recipes/invoice-reminders-\\d+/edit"));

        // a session that took place (demo data): the host marks who came
        HttpResponse<String> past = adminApi("GET", "/api/v1/sessions?from=" + LocalDate.now(TOKYO).minusWeeks(3)
                + "&to=" + LocalDate.now(TOKYO) + "&host=yuki", null);
        Matcher pastId = ID.matcher(past.body());
        org.assertj.core.api.Assertions.assertThat(pastId.find()).as(past.body()).isTrue();
        page.navigate(portal.baseUrl() + "/office-hours/sessions/" + pastId.group(1));
        Locator came = page.locator("#attendees vaadin-checkbox").first();
        assertThat(came).isVisible();
        boolean before = came.evaluate("c => c.checked").equals(Boolean.TRUE);
        came.click();
        String attended = "\"attended\":" + !before;
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> org.assertj.core.api.Assertions.assertThat(
                adminApi("GET", "/api/v1/sessions/" + pastId.group(1) + "/signups", null).body().replace(" ", ""))
                .contains(attended));
        screenshot("attendance");
    }

    @Test
    void joining_works_in_japanese_with_the_keyboard_alone() throws Exception {
        String title = "Zapier で自動化 " + NAMES.incrementAndGet();
        String id = session(title, ", \"titleJa\": \"" + title + "\"", 1, 16);
        context.close();
        context = browser.newContext(contextOptions().setLocale("ja-JP"));
        page = context.newPage();
        new LoginPage(page).open(portal.baseUrl()).signInAs("kenji", "engawa-owner");
        page.navigate(portal.baseUrl() + "/office-hours");
        assertThat(page.locator("h1")).hasText("オフィスアワー");
        page.navigate(portal.baseUrl() + "/office-hours/sessions/" + id);
        assertThat(page.locator("#session-title")).hasText(title);
        tabUntil("session-wish");
        page.keyboard().type("経費精算のリマインド");
        page.keyboard().press("Enter");
        tabUntil("session-join");
        page.keyboard().press("Enter");
        assertThat(page.locator("#join-state")).containsText("立ち寄ると伝えました");
        Accessibility.assertNoSeriousViolations(page, "session page in Japanese");
        screenshot("keyboard-joined");
        org.assertj.core.api.Assertions.assertThat(adminApi("GET", "/api/v1/sessions/" + id + "/signups", null).body())
                .contains("経費精算のリマインド");
    }
}
