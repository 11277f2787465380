package engawa.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Paths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/** One browser for every journey class, a fresh context (cookies, storage) per journey. */
abstract class BrowserJourney {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    /**
     * How long a journey waits for what a person would wait for (a page, a delivery, a run). Long,
     * because a busy 2-core machine is slow; a working step ends the wait at once.
     */
    static final java.time.Duration WAIT = java.time.Duration.ofSeconds(60);
    static final double WAIT_MILLIS = WAIT.toMillis();
    static RunningPortal portal;
    static Browser browser;
    private static Playwright sharedPlaywright;
    private static Browser sharedBrowser;

    BrowserContext context;
    Page page;
    private String testName;

    @BeforeAll
    static void startBrowser() {
        portal = RunningPortal.get();
        browser = sharedBrowser();
        // Vaadin's first render after start can be slow on 2 cores, and slower beside another build
        PlaywrightAssertions.setDefaultAssertionTimeout(WAIT_MILLIS);
    }

    /**
     * Started once and closed when the JVM exits: a browser of its own per class cost about 2 s each
     * (Playwright's driver and Chromium starting). A browser that crashed is started again.
     */
    private static synchronized Browser sharedBrowser() {
        if (sharedBrowser == null || !sharedBrowser.isConnected()) {
            if (sharedPlaywright != null) {
                sharedPlaywright.close();
            } else {
                Runtime.getRuntime().addShutdownHook(new Thread(BrowserJourney::closeSharedBrowser, "close-browser"));
            }
            sharedPlaywright = Browsers.playwright();
            sharedBrowser = Browsers.launch(sharedPlaywright);
        }
        return sharedBrowser;
    }

    private static synchronized void closeSharedBrowser() {
        if (sharedPlaywright != null) {
            sharedPlaywright.close();
        }
    }

    @BeforeEach
    void openContext(TestInfo info) {
        testName = info.getTestClass().map(Class::getSimpleName).orElse("") + "-" + info.getTestMethod().map(m -> m.getName()).orElse("");
        context = browser.newContext(contextOptions());
        context.setDefaultTimeout(WAIT_MILLIS);
        page = context.newPage();
    }

    Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1280, 800).setTimezoneId("Asia/Tokyo");
    }

    @AfterEach
    void closeContext() {
        screenshot("end");
        context.close();
    }

    /** The portal's REST API with the admin token: how journeys set the stage. */
    static HttpResponse<String> adminApi(String method, String path, String body) throws Exception {
        return adminApi(method, path, body, java.util.Map.of());
    }

    /** @param headers sent as given (an If-Match, say) */
    static HttpResponse<String> adminApi(String method, String path, String body, java.util.Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.baseUrl() + path))
                .header("Authorization", "Bearer " + portal.adminToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Presses Tab until the focus is in the element with this id. */
    void tabUntil(String id) {
        for (int i = 0; i < 40; i++) {
            page.keyboard().press("Tab");
            Object inside = page.evaluate("id => { let e = document.activeElement;"
                    + " while (e && e.shadowRoot && e.shadowRoot.activeElement) { e = e.shadowRoot.activeElement; }"
                    + " return !!document.activeElement && (document.activeElement.id === id"
                    + " || !!document.activeElement.closest('#' + id)); }", id);
            if (Boolean.TRUE.equals(inside)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    /** Screenshots land in target/screenshots, to look at after a run. */
    void screenshot(String step) {
        screenshotOf(page, step);
    }

    void screenshotOf(Page target, String step) {
        String dir = System.getProperty("engawa.screenshots", "target/screenshots");
        target.screenshot(new Page.ScreenshotOptions().setPath(Paths.get(dir, testName + "-" + step + ".png")).setFullPage(true));
    }
}
