package engawa.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import engawa.e2e.pages.LoginPage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import com.microsoft.playwright.Playwright;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every page of the side navigation and of the journeys, on a desktop and a 390x844 phone, in
 * English and Japanese: one main landmark and one h1, no message key shown raw ("!recipes.title"),
 * no serious or critical axe-core violation, and on the phone nothing wider than the screen, nor cut
 * off at its edge. The admin sees every page there is.
 */
class EveryPageJourneyIT extends BrowserJourney {

    /** A message key the portal could not find, as Vaadin shows it: "!" and a dotted key. */
    private static final Pattern RAW_KEY = Pattern.compile("![a-z][A-Za-z0-9]*(\\.[A-Za-z0-9_-]+)+");

    /** Pages outside the side navigation: the person's own, the forms, and one of each kind of item. */
    private static final List<String> MORE = List.of("/tokens", "/account/notifications", "/account/password",
            "/catalog/new", "/catalog/import", "/office-hours/mine", "/office-hours/new", "/recipes/expense-reminder",
            "/services/payments-api", "/teams/payments", "/notifications");

    /**
     * What reaches past the screen's right edge inside the page, where the page itself does not
     * scroll sideways (the app layout scrolls its content, so the document never gets wider: a card
     * too wide is simply cut off). What a sideways-scrolling box holds on purpose (a grid, the
     * scorecard's table) is not counted, except the rows of a grid that reads as a list (people,
     * API tokens), which must fit the screen whole.
     */
    private static final String WIDER_THAN_THE_SCREEN = """
            () => {
              const wider = [];
              for (const e of document.querySelectorAll('#main-content *')) {
                const box = e.getBoundingClientRect();
                const listRow = e.closest('.list-row');
                if (box.width === 0 || box.right <= window.innerWidth + 1
                    || (!listRow && e.parentElement && e.parentElement.closest('vaadin-grid'))) {
                  continue;
                }
                if (listRow) {
                  wider.push('a list row with ' + e.tagName.toLowerCase() + (e.classList.length ? '.' + e.classList[0] : '')
                      + ' reaches ' + Math.round(box.right) + ' px');
                  continue;
                }
                let scroller = e.parentElement;
                while (scroller && scroller.id !== 'main-content' && !['auto', 'scroll', 'hidden'].includes(getComputedStyle(scroller).overflowX)) {
                  scroller = scroller.parentElement;
                }
                if (!scroller || scroller.id === 'main-content') {
                  wider.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + e.classList[0] : '')
                      + ' reaches ' + Math.round(box.right) + ' px');
                }
              }
              return wider.slice(0, 3).join(', ');
            }""";

    /** A field's label cut short with "…" (Lumo's default on one line): a person must read the whole question. */
    private static final String CUT_LABELS = """
            () => {
              const cut = [];
              for (const field of document.querySelectorAll('#main-content *')) {
                const label = /-(field|area|select|box|picker|group)$/.test(field.localName) && field.shadowRoot
                    && field.shadowRoot.querySelector('[part~=label]');
                if (label && label.clientWidth > 0 && label.scrollWidth > label.clientWidth + 1) {
                  const text = field.querySelector('label[slot=label]');
                  cut.push(field.localName + (field.id ? '#' + field.id : '') + ' "' + (text ? text.textContent.trim() : '') + '"');
                }
              }
              return cut.slice(0, 3).join(', ');
            }""";

    /** One way of browsing: a language and a screen. */
    private record Browsing(String locale, boolean phone) {

        String what() {
            return locale + (phone ? " phone" : " desktop");
        }
    }

    /**
     * Every page on a desktop in English and on a phone in Japanese, at the same time, each with
     * its own browser: each language and each screen is covered (about two minutes on 2 cores;
     * English on a phone is also walked by NonEngineerJourneyIT, and both languages have the same
     * keys by TranslationsTest).
     */
    @Test
    void every_page_has_one_main_one_heading_no_serious_violation_and_no_raw_key() throws Exception {
        List<Browsing> ways = List.of(new Browsing("en-US", false), new Browsing("ja-JP", true));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (Browsing way : ways) {
                results.add(pool.submit(() -> browse(way)));
            }
            List<String> problems = new ArrayList<>();
            for (Future<List<String>> result : results) {
                problems.addAll(result.get(15, TimeUnit.MINUTES));
            }
            org.assertj.core.api.Assertions.assertThat(problems).as("problems").isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every page in one way of browsing; the problems of every page, told at once. */
    private List<String> browse(Browsing way) {
        Browser.NewContextOptions options = new Browser.NewContextOptions().setLocale(way.locale()).setTimezoneId("Asia/Tokyo");
        options = way.phone() ? options.setViewportSize(390, 844).setIsMobile(true).setHasTouch(true)
                : options.setViewportSize(1280, 800);
        List<String> problems = new ArrayList<>();
        try (Playwright own = Browsers.playwright(); Browser chromium = Browsers.launch(own);
                BrowserContext browsing = chromium.newContext(options)) {
            browsing.setDefaultTimeout(WAIT_MILLIS);
            Page admin = browsing.newPage();
            LoginPage login = new LoginPage(admin).open(portal.baseUrl());
            Accessibility.assertNoSeriousViolations(admin, "sign-in, " + way.what());
            login.signInAs("admin", "engawa-admin");
            assertThat(admin.locator("#main-content")).isVisible();

            Set<String> paths = new LinkedHashSet<>(navigationPaths(admin));
            paths.addAll(MORE);
            paths.add(firstLink(admin, "/office-hours", "a.session-card"));
            paths.add(firstLink(admin, "/slos", "#slo-grid a[href*='slos/']:visible"));
            paths.add(aRun(admin));
            org.assertj.core.api.Assertions.assertThat(paths).as("pages looked at").hasSizeGreaterThan(20);
            for (String path : paths) {
                try {
                    check(admin, path, way);
                } catch (AssertionError problem) {
                    problems.add(problem.getMessage());
                }
            }
        }
        return problems;
    }

    private void check(Page page, String path, Browsing way) {
        String where = path + " (" + way.what() + ")";
        com.microsoft.playwright.Response answer = page.navigate(portal.baseUrl() + path);
        org.assertj.core.api.Assertions.assertThat(answer.status()).as(where + ": the answer's status").isEqualTo(200);
        assertThat(page.locator("main")).hasCount(1);
        assertThat(page.locator("main h1").first()).isVisible();
        page.waitForFunction("() => !window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients"
                + " || Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
        org.assertj.core.api.Assertions.assertThat(page.locator("h1").count()).as(where + ": one h1").isEqualTo(1);
        String text = (String) page.evaluate("() => document.body.innerText");
        org.assertj.core.api.Assertions.assertThat(RAW_KEY.matcher(text).results().map(r -> r.group()).toList())
                .as(where + ": message keys shown raw").isEmpty();
        Accessibility.assertNoSeriousViolations(page, where);
        if (way.phone()) {
            org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
                    "() => document.documentElement.scrollWidth <= window.innerWidth")).as(where + " fits the phone").isTrue();
            org.assertj.core.api.Assertions.assertThat((String) page.evaluate(WIDER_THAN_THE_SCREEN))
                    .as(where + ": cut off at the phone's right edge").isEmpty();
            org.assertj.core.api.Assertions.assertThat((String) page.evaluate(CUT_LABELS)).as(where + ": labels cut short").isEmpty();
        }
    }

    /** The side navigation's pages, the folded groups included. */
    private static List<String> navigationPaths(Page page) {
        Locator items = page.locator("#main-nav vaadin-side-nav-item");
        items.first().waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < items.count(); i++) {
            String path = items.nth(i).getAttribute("path");
            paths.add(path == null || path.isEmpty() ? "/" : path.startsWith("/") ? path : "/" + path);
        }
        return paths;
    }

    private String firstLink(Page page, String list, String selector) {
        page.navigate(portal.baseUrl() + list);
        Locator link = page.locator(selector).first();
        link.waitFor();
        String href = link.getAttribute("href");
        return href.startsWith("/") ? href : "/" + href;
    }

    /** A run of the expense reminder: its defaults are enough, so Run is one click. */
    private String aRun(Page page) {
        page.navigate(portal.baseUrl() + "/recipes/expense-reminder");
        page.locator("#recipe-run").click();
        assertThat(page).hasURL(Pattern.compile(".*/runs/[0-9a-f-]{36}$"));
        assertThat(page.locator("#run-status-label")).isVisible();
        return page.url().substring(portal.baseUrl().length());
    }
}
