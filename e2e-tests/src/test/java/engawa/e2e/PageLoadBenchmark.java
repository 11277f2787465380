package engawa.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitUntilState;
import engawa.e2e.pages.LoginPage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a page takes in Chromium, as a person feels it: from the address entered (or a link
 * clicked) to the view drawn with Vaadin's client idle. Timed by the page's own clock, from the
 * navigation's start (or the click event) to the first frame drawn with the new view's heading and
 * no request pending; beside it, the same load as the test driver sees it, which adds Playwright's
 * own work (for a click: scrolling the link into view, waiting for it to stand still, checking
 * what is under the pointer; 60-150 ms that no person waits for). Full loads of the six pages people open
 * most, in-app navigation between them, and beside them a static file served by the same server,
 * the floor any page load stands on, and the smallest view in the layout, the floor any Vaadin view
 * stands on. Run by bench/pages.sh; prints a Markdown table.
 */
public final class PageLoadBenchmark {

    static final String READY = "() => !!document.querySelector('h1') && !!window.Vaadin && !!window.Vaadin.Flow"
            + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())";

    /**
     * Watches, frame by frame, for a view other than the one shown now (a new heading) drawn with
     * Vaadin's client idle at the given path, and notes the page's clock at that frame; also notes
     * when the person's click happened. Run just before the click.
     */
    private static final String WATCH_NEXT_VIEW = """
            path => {
              const before = document.querySelector('h1');
              const ready = %s;
              window.engawaClickedAt = undefined;
              window.engawaDrawnAt = undefined;
              document.addEventListener('click', event => window.engawaClickedAt = event.timeStamp, {capture: true, once: true});
              const watch = () => {
                const heading = document.querySelector('h1');
                if (location.pathname === path && heading !== before && ready()) {
                  requestAnimationFrame(() => window.engawaDrawnAt = performance.now());
                } else {
                  requestAnimationFrame(watch);
                }
              };
              requestAnimationFrame(watch);
            }""".formatted(READY);

    /** The page's clock (from the navigation's start) at the first frame drawn with its view ready. */
    private static final String DRAWN_AT = """
            () => new Promise(done => {
              const ready = %s;
              const watch = () => ready() ? requestAnimationFrame(() => done(performance.now())) : requestAnimationFrame(watch);
              watch();
            })""".formatted(READY);

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("runs", 30);
        Path data = Files.createTempDirectory("engawa-bench-pages-");
        String token = "bench-" + System.nanoTime();
        try (PortalProcess portal = PortalProcess.start(Map.of("ENGAWA_DATA_DIR", data.toString(), "ENGAWA_ADMIN_TOKEN", token,
                "ENGAWA_DEMO_DATA", "true", "ENGAWA_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1"), "bench-pages.log");
                Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright);
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
            String base = portal.baseUrl();
            String run = runOf(base, token);
            Page page = context.newPage();
            page.setDefaultTimeout(60_000);
            new LoginPage(page).open(base).signInAs("admin", "engawa-admin");
            page.waitForFunction(READY);

            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("Home", "/");
            pages.put("Catalog", "/catalog");
            pages.put("Recipe", "/recipes/expense-reminder");
            pages.put("Run", "/runs/" + run);
            pages.put("Office hours", "/office-hours");
            pages.put("Service page", "/services/payments-api");
            // the smallest view in the layout (a heading and three fields): what any page costs with
            // Vaadin's pre-compiled client bundle on this machine, the floor the six pages stand on
            pages.put("the smallest view (change password), Vaadin's floor", "/account/password");
            Map<String, List<Double>> full = new LinkedHashMap<>();
            Map<String, List<Double>> fullByDriver = new LinkedHashMap<>();
            List<Double> staticFile = new ArrayList<>();
            for (int i = 0; i < runs + 3; i++) {
                boolean warm = i >= 3; // the first rounds warm the JIT and the browser's cache
                for (Map.Entry<String, String> p : pages.entrySet()) {
                    long start = System.nanoTime();
                    page.navigate(base + p.getValue(), new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
                    double drawnAt = ((Number) page.evaluate(DRAWN_AT)).doubleValue();
                    if (warm) {
                        full.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(drawnAt);
                        fullByDriver.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
                    }
                }
                long start = System.nanoTime();
                page.navigate(base + "/styles.css");
                if (warm) {
                    staticFile.add((System.nanoTime() - start) / 1e6);
                }
            }
            // in-app: from Home, a click in the side navigation to the catalog and to office hours, and back
            Map<String, List<Double>> clicks = new LinkedHashMap<>();
            Map<String, List<Double>> clicksByDriver = new LinkedHashMap<>();
            for (int i = 0; i < runs + 3; i++) {
                page.navigate(base + "/");
                page.waitForFunction(READY);
                for (String[] step : new String[][] {{"/catalog", "Catalog"}, {"/office-hours", "Office hours"}, {"/", "Home"}}) {
                    page.evaluate(WATCH_NEXT_VIEW, step[0]);
                    long start = System.nanoTime();
                    page.locator("vaadin-side-nav-item[path='" + step[0].substring(1) + "']").first().click();
                    page.waitForFunction("() => window.engawaDrawnAt !== undefined");
                    double drawn = ((Number) page.evaluate("() => window.engawaDrawnAt - window.engawaClickedAt")).doubleValue();
                    if (i >= 3) {
                        clicks.computeIfAbsent(step[1], k -> new ArrayList<>()).add(drawn);
                        clicksByDriver.computeIfAbsent(step[1], k -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
                    }
                }
            }
            System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores; " + runs + " loads of each"
                    + " page after 3 to warm up; Chromium " + browser.version());
            System.out.println();
            System.out.println("| page | full load p50 (ms) | p95 (ms) | max (ms) | p95 as the test driver sees it (ms) |");
            System.out.println("|---|---|---|---|---|");
            full.forEach((name, times) -> System.out.println(row(name, times, fullByDriver.get(name))));
            System.out.println(row("a static file from the same server (`/styles.css`), as the driver sees it", staticFile, staticFile));
            System.out.println();
            System.out.println("| a click in the side navigation, from Home | p50 (ms) | p95 (ms) | max (ms) | p95 as the test driver sees it (ms) |");
            System.out.println("|---|---|---|---|---|");
            clicks.forEach((name, times) -> System.out.println(row("to " + name, times, clicksByDriver.get(name))));
            System.out.println(row("**all clicks**", clicks.values().stream().flatMap(List::stream).toList(),
                    clicksByDriver.values().stream().flatMap(List::stream).toList()));
        } finally {
            RunningPortal.deleteTree(data);
        }
    }

    private static String row(String name, List<Double> times, List<Double> byDriver) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        List<Double> driver = new ArrayList<>(byDriver);
        Collections.sort(driver);
        return "| %s | %.0f | %.0f | %.0f | %.0f |".formatted(name, at(sorted, 0.50), at(sorted, 0.95), sorted.getLast(),
                at(driver, 0.95));
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    /** A test run of a demo recipe, to open its run page. */
    private static String runOf(String base, String token) throws Exception {
        String body = "{\"inputs\": {\"room\": \"Sakura\", \"day\": \"" + LocalDate.now() + "\", \"start\": \"14:30\"}, \"test\": true}";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "/api/v1/recipes/book-meeting-room/runs")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(answer.body());
        if (answer.statusCode() != 202 || !id.find()) {
            throw new IllegalStateException("Could not start a run: " + answer.statusCode() + " " + answer.body());
        }
        return id.group(1);
    }
}
