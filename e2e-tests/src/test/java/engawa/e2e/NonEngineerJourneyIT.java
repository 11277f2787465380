package engawa.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import engawa.e2e.pages.LoginPage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Hana (Finance, not an engineer) alone: from Home to a finished run in three clicks on a phone in
 * Japanese; a past deadline refused where the owners said so, and put to her to confirm where they
 * only warned; a date picker that speaks Japanese; no page wider than the phone.
 */
class NonEngineerJourneyIT extends BrowserJourney {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static Browser.NewContextOptions phone(String locale) {
        return new Browser.NewContextOptions().setLocale(locale).setTimezoneId("Asia/Tokyo")
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true);
    }

    /** What a person on a phone would notice first: a page they must scroll sideways. */
    private static void fitsThePhone(Page page, String what) {
        page.waitForFunction("() => document.documentElement.scrollWidth <= window.innerWidth",
                null, new Page.WaitForFunctionOptions().setTimeout(10_000).setPollingInterval(200));
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
                "() => document.documentElement.scrollWidth <= window.innerWidth")).as(what + " fits a 390 px wide phone")
                .isTrue();
    }

    @Test
    void hana_runs_the_expense_reminder_from_home_on_a_phone_in_japanese_in_three_clicks() {
        try (BrowserContext phone = browser.newContext(phone("ja-JP"))) {
            phone.setDefaultTimeout(WAIT_MILLIS);
            Page hana = phone.newPage();
            new LoginPage(hana).open(portal.baseUrl()).signInAs("hana", "engawa-staff");
            assertThat(hana.locator("html")).hasAttribute("lang", "ja");
            assertThat(hana.locator("#home-quick-run")).isVisible();
            fitsThePhone(hana, "Home");
            screenshotOf(hana, "home-phone-ja");
            int clicks = 0;

            hana.locator("#home-recipe-search input").fill("経費");
            hana.locator("#home-recipe-search input").press("Enter");
            Locator card = hana.locator(".recipe-card", new Page.LocatorOptions().setHasText("経費精算の締め切りをチームにリマインドする"));
            card.click();
            clicks++;
            assertThat(hana.locator("#recipe-title")).hasText("経費精算の締め切りをチームにリマインドする");
            // the owners made the end of this month the default: nothing left to fill in
            String endOfMonth = LocalDate.now(TOKYO).withDayOfMonth(LocalDate.now(TOKYO).lengthOfMonth())
                    .format(DateTimeFormatter.ofPattern("yyyy/MM/dd"));
            assertThat(hana.locator("#input-deadline input")).hasValue(endOfMonth);
            // what Run will do, in the owners' words with her answers in it
            assertThat(hana.locator("#recipe-plain-preview")).containsText("Finance & Operations");
            assertThat(hana.locator("#recipe-plain-preview")).containsText(endOfMonth);
            // she is in the owning team, yet meets no owner's tools beside Run: they are folded away
            assertThat(hana.locator("#recipe-preview")).isHidden();
            fitsThePhone(hana, "the recipe page");
            Accessibility.assertNoSeriousViolations(hana, "recipe page on a phone in Japanese");
            screenshotOf(hana, "recipe-phone-ja");

            hana.locator("#recipe-run").click();
            clicks++;
            assertThat(hana.locator("#run-status-label")).hasText("成功");
            // the demo workflow learnt her language with the run and answers in it
            assertThat(hana.locator(".run-view")).containsText("完了しました。（このデモのワークフローは");
            // her answers as she wrote them: the day in her format, not 2026-12-31
            assertThat(hana.locator(".run-view")).containsText(endOfMonth);
            assertThat(hana.locator(".run-view")).not().containsText(endOfMonth.replace('/', '-'));
            org.assertj.core.api.Assertions.assertThat(clicks).as("clicks from Home to a run").isLessThanOrEqualTo(3);
            fitsThePhone(hana, "the run page");
            screenshotOf(hana, "run-phone-ja");
        }
    }

    @Test
    void a_past_deadline_is_refused_where_the_owners_said_so_and_confirmed_where_they_only_warned() {
        new LoginPage(page).open(portal.baseUrl()).signInAs("hana", "engawa-staff");
        String yesterday = LocalDate.now(TOKYO).minusDays(1).toString();

        page.navigate(portal.baseUrl() + "/recipes/expense-reminder");
        Locator deadline = page.locator("#input-deadline input");
        deadline.fill(yesterday);
        deadline.press("Enter");
        page.locator("#recipe-run").click();
        assertThat(page.locator("#input-deadline")).hasAttribute("invalid", "");
        assertThat(page.locator("#input-deadline")).containsText("\"Deadline\" cannot be in the past");
        assertThat(page).hasURL(Pattern.compile(".*/recipes/expense-reminder$"));
        assertThat(deadline).isFocused();
        screenshot("past-deadline-refused");

        // the new joiner's first day only warns: a late checklist is still useful
        page.navigate(portal.baseUrl() + "/recipes/new-joiner-checklist");
        page.locator("#input-name input").fill("Mei Tanaka");
        Locator firstDay = page.locator("#input-first_day input");
        firstDay.fill(yesterday);
        firstDay.press("Enter");
        page.locator("#recipe-run").click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.DIALOG)).containsText("\"First day\" is in the past.");
        screenshot("first-day-confirm");
        page.locator("#recipe-confirm-run").click();
        assertThat(page).hasURL(Pattern.compile(".*/runs/[0-9a-f-]{36}$"));
        assertThat(page.locator("#run-status-label")).hasText("Succeeded");
    }

    @Test
    void the_japanese_date_picker_shows_months_year_first_and_weeks_from_monday() {
        context.close();
        context = browser.newContext(contextOptions().setLocale("ja-JP"));
        context.setDefaultTimeout(WAIT_MILLIS);
        page = context.newPage();
        new LoginPage(page).open(portal.baseUrl()).signInAs("hana", "engawa-staff");
        page.navigate(portal.baseUrl() + "/recipes/expense-reminder");
        assertThat(page.locator("html")).hasAttribute("lang", "ja");
        assertThat(page.locator("#input-deadline")).containsText("2026/12/24 のように年から");
        page.locator("#input-deadline input").click();
        Locator month = page.locator("vaadin-month-calendar").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("\\d{4}年\\d{1,2}月"))).first();
        assertThat(month).isVisible();
        assertThat(month.locator("[part~=weekday]:not([hidden])").first()).hasText("月");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("今日"))).isVisible();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("キャンセル"))).isVisible();
        screenshot("date-picker-ja");
        page.keyboard().press("Escape");
        // the owners' sentence follows the answer as she changes it
        String soon = LocalDate.now(TOKYO).plusDays(3).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"));
        page.locator("#input-deadline input").fill(soon);
        page.locator("#input-deadline input").press("Enter");
        assertThat(page.locator("#recipe-plain-preview")).containsText("締め切り（" + soon + "）");
        // she owns this recipe: what Run will send names the event id in her language too
        page.locator("#recipe-owner-card vaadin-details-summary").click();
        page.locator("#recipe-preview").click();
        Locator sent = page.locator("#recipe-preview-dialog");
        assertThat(sent).containsText("webhook-id: （実行ごとに新しい ID）");
        assertThat(sent).containsText("\"id\" : \"（実行ごとに新しい ID）\"");
        assertThat(sent).not().containsText("a new id");
    }

    @Test
    void every_page_hana_meets_fits_a_phone() {
        try (BrowserContext phone = browser.newContext(phone("en-US"))) {
            phone.setDefaultTimeout(WAIT_MILLIS);
            Page hana = phone.newPage();
            new LoginPage(hana).open(portal.baseUrl()).signInAs("hana", "engawa-staff");
            for (String path : new String[] {"/recipes", "/recipes/book-meeting-room", "/runs", "/office-hours", "/catalog",
                    "/services/payments-api"}) {
                hana.navigate(portal.baseUrl() + path);
                assertThat(hana.locator("h1").first()).isVisible();
                fitsThePhone(hana, path);
                screenshotOf(hana, "phone" + path.replace('/', '-'));
            }
        }
    }

    @Test
    void hana_runs_a_recipe_from_home_with_the_keyboard_alone_in_under_twenty_key_presses() {
        new LoginPage(page).open(portal.baseUrl()).signInAs("hana", "engawa-staff");
        // she has run the expense reminder before, so Home offers it first among the recipes she uses
        page.navigate(portal.baseUrl() + "/recipes/expense-reminder");
        page.locator("#recipe-run").click();
        assertThat(page.locator("#run-status-label")).hasText("Succeeded");
        page.navigate(portal.baseUrl() + "/");
        Locator chip = page.locator("#home-quick-run .quick-run-chip").first();
        assertThat(chip).hasAttribute("data-slug", "expense-reminder");

        int presses = press("Tab");
        org.assertj.core.api.Assertions.assertThat(focused("#skip-link")).as("the skip link is the first Tab stop").isTrue();
        presses += press("Enter");
        presses += tabsUntil("#home-quick-run .quick-run-chip[data-slug=expense-reminder]");
        presses += press("Enter");
        assertThat(page.locator("#recipe-title")).isVisible();
        presses += tabsUntil("#recipe-run");
        presses += press("Enter");
        assertThat(page.locator("#run-status-label")).hasText("Succeeded");
        org.assertj.core.api.Assertions.assertThat(presses).as("key presses from Home to a run").isLessThan(20);
    }

    @Test
    void the_engineers_pages_are_folded_away_for_hana_and_open_for_kenji() {
        new LoginPage(page).open(portal.baseUrl()).signInAs("hana", "engawa-staff");
        Locator engineers = page.locator("#nav-engineers");
        assertThat(engineers).isVisible();
        assertThat(engineers.locator("vaadin-side-nav-item[path$=slos]")).isHidden();
        // still there: one click opens the group
        new engawa.e2e.pages.Shell(page).openGroup("For engineers");
        assertThat(engineers.locator("vaadin-side-nav-item[path$=slos]")).isVisible();
        page.navigate(portal.baseUrl() + "/catalog");
        assertThat(page.locator("#catalog-search input")).isVisible();
        assertThat(page.locator("#catalog-import")).hasCount(0);
        assertThat(page.locator("#catalog-lifecycle")).isHidden();
        screenshot("hana-catalog");

        try (BrowserContext other = browser.newContext(contextOptions())) {
            Page kenji = other.newPage();
            new LoginPage(kenji).open(portal.baseUrl()).signInAs("kenji", "engawa-owner");
            assertThat(kenji.locator("#nav-engineers vaadin-side-nav-item[path$=slos]")).isVisible();
            kenji.navigate(portal.baseUrl() + "/catalog");
            assertThat(kenji.locator("#catalog-import")).isVisible();
            assertThat(kenji.locator("#catalog-lifecycle")).isVisible();
        }
    }

    private int press(String key) {
        page.keyboard().press(key);
        return 1;
    }

    /** Presses Tab until the focus is on what the selector finds; how many presses it took. */
    private int tabsUntil(String selector) {
        for (int presses = 1; presses <= 30; presses++) {
            page.keyboard().press("Tab");
            if (focused(selector)) {
                return presses;
            }
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    private boolean focused(String selector) {
        return (Boolean) page.evaluate("s => !!document.activeElement && !!document.activeElement.closest(s)", selector);
    }
}
