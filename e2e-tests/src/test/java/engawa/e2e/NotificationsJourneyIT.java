package engawa.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import engawa.e2e.pages.LoginPage;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * People hear what concerns them: Hana, waiting for a seat, sees her bell count up and the news
 * appear in her open inbox and on Home the moment Sam gives his up in his own browser, gets the
 * e-mail in Japanese, and opens the news onto the session; Kenji's Home lists what his services
 * lack and an SLO at risk.
 */
class NotificationsJourneyIT extends BrowserJourney {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(\\d+)\"");
    static final AtomicInteger NAMES = new AtomicInteger();

    @Override
    Browser.NewContextOptions contextOptions() {
        return super.contextOptions().setLocale("ja-JP");
    }

    @Test
    void hana_hears_at_once_when_sam_gives_up_his_seat_in_her_open_inbox_and_by_e_mail_in_japanese() throws Exception {
        String title = "SLOs for service owners " + NAMES.incrementAndGet();
        String id = session(title, "サービスオーナーのための SLO " + NAMES.get());
        signUp(id, "sam");
        signUp(id, "hana");

        new LoginPage(page).open(portal.baseUrl()).signInAs("hana", "engawa-staff");
        // her browser speaks Japanese and she chose no language: e-mails follow her browser. (Choosing
        // one here would stay with the demo's hana and turn later journeys' Japanese pages English.)
        assertThat(page.locator("#bell")).isVisible();
        int unreadBefore = Integer.parseInt(page.locator("#bell").getAttribute("data-unread"));
        // she keeps Home open in another tab, and her inbox open in this one, while it happens
        Page home = context.newPage();
        home.navigate(portal.baseUrl() + "/");
        assertThat(home.locator("#home-greeting")).isVisible();
        page.locator("#bell").click();
        assertThat(page).hasURL(Pattern.compile(".*/notifications$"));
        assertThat(page.locator("#notifications-list, #notifications-empty").first()).isVisible();

        // an admin has the list of e-mails sent open on a phone; closed with the browser if this fails
        BrowserContext adminsPhone = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
        adminsPhone.setDefaultTimeout(WAIT_MILLIS);
        Page admin = adminsPhone.newPage();
        new LoginPage(admin).open(portal.baseUrl()).signInAs("admin", "engawa-admin");
        admin.navigate(portal.baseUrl() + "/admin/emails");
        assertThat(admin.locator("#sent-emails")).isVisible();
        int emailsBefore = emailsListed(admin);

        try (BrowserContext samsBrowser = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
            Page sam = samsBrowser.newPage();
            new LoginPage(sam).open(portal.baseUrl()).signInAs("sam", "engawa-demo-sam");
            sam.navigate(portal.baseUrl() + "/office-hours/sessions/" + id);
            sam.locator("#session-leave").click();
            assertThat(sam.locator("#session-join")).isVisible();
        }

        // no reload: the count and the news itself appear on her open page
        assertThat(page.locator("#bell-count")).hasText(String.valueOf(unreadBefore + 1));
        assertThat(page.locator("#bell")).hasAttribute("aria-label", Pattern.compile(".*" + (unreadBefore + 1) + ".*"));
        assertThat(page.locator("#notifications-list .notification.unread").first())
                .containsText("サービスオーナーのための SLO " + NAMES.get());
        assertThat(home.locator("#home-notifications li").first()).containsText("サービスオーナーのための SLO " + NAMES.get());
        screenshotOf(home, "home-news");
        home.close();
        screenshot("bell");

        String about = "サービスオーナーのための SLO " + NAMES.get();
        try {
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> mailFor("hana.sato@example.com", about) != null);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("No e-mail about " + about + " for hana. Received: " + received()
                    + "; the portal's health: " + adminApi("GET", "/actuator/health", null).body(), e);
        }
        MimeMessage mail = mailFor("hana.sato@example.com", "サービスオーナーのための SLO " + NAMES.get());
        org.assertj.core.api.Assertions.assertThat(mail.getSubject()).contains("参加できるようになりました");
        anAdminOnAPhoneSeesItWasSent(admin, emailsBefore, "Hana Sato <hana.sato@example.com>");
        // her link (as in her e-mail) opened in someone else's browser, as when an e-mail is forwarded
        // or another account is signed in: not theirs to open, and the way to their own
        String herLink = "/" + page.locator("#notifications-list a.notification-text").first().getAttribute("href");
        com.microsoft.playwright.Response notTheirs = admin.navigate(portal.baseUrl() + herLink);
        org.assertj.core.api.Assertions.assertThat(notTheirs.status()).as(herLink).isEqualTo(404);
        assertThat(admin.locator("#notification-not-found")).hasText(
                "This notification is not in your inbox. It may have been sent to someone else, or to you under another account.");
        admin.getByText("Go to your notifications").click();
        assertThat(admin).hasURL(Pattern.compile(".*/notifications$"));
        adminsPhone.close();

        Locator readAll = page.locator("#notifications-read-all");
        assertThat(readAll).isEnabled();
        Accessibility.assertNoSeriousViolations(page, "notifications page");
        screenshot("inbox");
        page.locator("#notifications-list a.notification-text").first().click();
        assertThat(page).hasURL(Pattern.compile(".*/office-hours/sessions/" + id + "$"));
        assertThat(page.locator("#join-state")).isVisible();

        // the one she opened is read; whatever else earlier journeys left her, she marks read at once
        page.locator("#bell").click();
        if (Integer.parseInt(page.locator("#bell").getAttribute("data-unread")) > 0) {
            readAll.click();
        }
        assertThat(page.locator("#bell")).hasAttribute("data-unread", "0");
        assertThat(page.locator("#notifications-list .unread")).hasCount(0);
        assertThat(readAll).isDisabled();
    }

    /** The admin's list of e-mails sent, newest first, opened before it went: Refresh shows it went. */
    private void anAdminOnAPhoneSeesItWasSent(Page admin, int emailsBefore, String to) {
        Locator newest = admin.locator("#sent-emails .list-row").filter(new Locator.FilterOptions().setHasText(to)).first();
        // the e-mail reached the mail server a moment ago; it may say Waiting for that moment
        org.awaitility.Awaitility.await().atMost(WAIT).pollInSameThread().pollInterval(java.time.Duration.ofSeconds(1))
                .until(() -> {
                    admin.locator("#sent-emails-refresh").click();
                    return emailsListed(admin) > emailsBefore && newest.count() > 0 && newest.textContent().contains("Sent");
                });
        assertThat(newest).containsText("Sent");
        assertThat(newest).containsText("Sessions you come to");
        org.assertj.core.api.Assertions.assertThat(newest.boundingBox().x + newest.boundingBox().width)
                .as("the row fits the phone's width").isLessThanOrEqualTo(390);
        screenshotOf(admin, "phone-sent-emails");
    }

    /** How many e-mails the admin's list holds, as counted when opened or last refreshed. */
    private static int emailsListed(Page admin) {
        return ((Number) admin.locator("#sent-emails").evaluate("grid => grid.size")).intValue();
    }

    @Test
    void the_preferences_page_is_usable_on_a_phone() {
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP")
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true))) {
            Page yuki = phone.newPage();
            new LoginPage(yuki).open(portal.baseUrl()).signInAs("yuki", "engawa-demo-yuki");
            yuki.navigate(portal.baseUrl() + "/account/notifications");
            assertThat(yuki.locator("#topic-my-sessions")).isVisible();
            Accessibility.assertNoSeriousViolations(yuki, "notification settings");
            screenshotOf(yuki, "phone-preferences");
        }
    }

    @Test
    void kenjis_home_lists_what_his_services_lack_and_an_slo_at_risk() throws Exception {
        // an SLO of his own for this test (the demo's payments-api SLO stays healthy for other journeys),
        // its last two hours all bad: it burns fast
        HttpResponse<String> slos = adminApi("POST", "/api/v1/services/checkout/slos", """
                {"name": "checkout-completes-%d", "displayName": "Checkouts complete", "goodMeans": "A buyer's checkout completes.",
                 "objectivePercent": 99.9, "window": "7d"}""".formatted(NAMES.incrementAndGet()));
        org.assertj.core.api.Assertions.assertThat(slos.statusCode()).as(slos.body()).isEqualTo(201);
        Matcher slo = ID.matcher(slos.body());
        org.assertj.core.api.Assertions.assertThat(slo.find()).as(slos.body()).isTrue();
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        java.time.Instant end = now.minus(now.getEpochSecond() / 60 % 5, java.time.temporal.ChronoUnit.MINUTES);
        StringBuilder slices = new StringBuilder("[");
        for (int i = 24; i > 0; i--) {
            java.time.Instant start = end.minus(java.time.Duration.ofMinutes(5L * i));
            slices.append(i == 24 ? "" : ",").append("{\"start\": \"%s\", \"end\": \"%s\", \"good\": 0, \"total\": 1000}"
                    .formatted(start, start.plusSeconds(300)));
        }
        HttpResponse<String> measured = adminApi("POST", "/api/v1/slos/" + slo.group(1) + "/measurements", slices.append("]").toString());
        org.assertj.core.api.Assertions.assertThat(measured.statusCode()).as(measured.body()).isEqualTo(200);

        try (BrowserContext english = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
            Page kenji = english.newPage();
            new LoginPage(kenji).open(portal.baseUrl()).signInAs("kenji", "engawa-owner");
            assertThat(kenji.locator("#home-your-services")).containsText("Your services");
            assertThat(kenji.locator("#home-your-services-gaps")).containsText("still needs");
            assertThat(kenji.locator("#home-your-services-gaps")).containsText(Pattern.compile("Burning fast|Budget spent|At risk"));
            Accessibility.assertNoSeriousViolations(kenji, "home of a service owner");
            screenshotOf(kenji, "kenji-home");
        }
    }

    private String received() {
        return Arrays.stream(portal.mail().getReceivedMessages()).map(m -> {
            try {
                return Arrays.toString(m.getAllRecipients()) + " " + m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                return e.toString();
            }
        }).toList().toString();
    }

    private MimeMessage mailFor(String address, String about) {
        return Arrays.stream(portal.mail().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address))
                        && m.getSubject().contains(about);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).findFirst().orElse(null);
    }

    private String session(String title, String titleJa) throws Exception {
        java.time.LocalDateTime start = LocalDate.now(TOKYO).with(TemporalAdjusters.next(DayOfWeek.TUESDAY)).atTime(15, 0);
        HttpResponse<String> created = adminApi("POST", "/api/v1/sessions", """
                {"title": "%s", "titleJa": "%s", "hosts": ["yuki"], "room": "Room Sakura", "timeZone": "Asia/Tokyo",
                 "start": "%s", "end": "%s", "kind": "seated", "capacity": 1}""".formatted(title, titleJa, start, start.plusHours(1)));
        org.assertj.core.api.Assertions.assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = ID.matcher(created.body());
        org.assertj.core.api.Assertions.assertThat(id.find()).isTrue();
        return id.group(1);
    }

    private static void signUp(String sessionId, String username) throws Exception {
        HttpResponse<String> signed = adminApi("POST", "/api/v1/sessions/" + sessionId + "/signups",
                "{\"username\": \"" + username + "\"}");
        org.assertj.core.api.Assertions.assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
    }
}
