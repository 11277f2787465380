package engawa.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import engawa.e2e.pages.LoginPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a signed-in person costs the portal in memory: N browsers sign in and each opens four pages
 * by address, as people do from bookmarks and links, then sit idle with their last page open. The
 * portal's live heap is read before and after with a full collection ({@code jcmd GC.class_histogram}),
 * and again once the UIs of pages left behind could have been closed. Run by bench/memory.sh.
 */
public final class MemoryPerSessionBenchmark {

    static final String READY = "() => !!document.querySelector('h1') && !!window.Vaadin && !!window.Vaadin.Flow"
            + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())";
    static final List<String> PAGES = List.of("/", "/catalog", "/recipes", "/office-hours");

    public static void main(String[] args) throws Exception {
        int people = Integer.getInteger("people", 40);
        Path data = Files.createTempDirectory("engawa-bench-memory-");
        try (PortalProcess portal = PortalProcess.start(Map.of("ENGAWA_DATA_DIR", data.toString(), "ENGAWA_DEMO_DATA", "true"),
                "bench-memory.log");
                Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
            String base = portal.baseUrl();
            // one person first, so that classes, caches and the first UI's shared parts are in the baseline
            List<BrowserContext> browsers = new ArrayList<>();
            browsers.add(signInAndBrowse(browser, base));
            long before = liveHeap(portal.pid());
            long started = System.nanoTime();
            for (int i = 1; i <= people; i++) {
                browsers.add(signInAndBrowse(browser, base));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long after = liveHeap(portal.pid());
            System.out.printf("machine: %d cores; %d people signed in and opened %d pages each by address in %.0f s%n%n",
                    Runtime.getRuntime().availableProcessors(), people, PAGES.size(), seconds);
            System.out.println("| measure | live heap after a full GC | per person |");
            System.out.println("|---|---|---|");
            System.out.printf("| one person signed in (baseline) | %.1f MB | |%n", before / 1e6);
            System.out.printf("| %d more, idle on their fourth page | %.1f MB | **%.2f MB** |%n", people, after / 1e6,
                    (after - before) / 1e6 / people);
            for (BrowserContext b : browsers) {
                b.close();
            }
        } finally {
            RunningPortal.deleteTree(data);
        }
    }

    private static BrowserContext signInAndBrowse(Browser browser, String base) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        context.setDefaultTimeout(60_000);
        Page page = context.newPage();
        new LoginPage(page).open(base).signInAs("hana", "engawa-staff");
        page.waitForFunction(READY);
        for (String path : PAGES) {
            page.navigate(base + path);
            page.waitForFunction(READY);
        }
        return context;
    }

    /** Bytes of live objects: the class histogram runs a full collection first. */
    private static long liveHeap(long pid) throws IOException, InterruptedException {
        Path jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
        List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
        process.waitFor();
        String total = lines.stream().filter(l -> l.trim().startsWith("Total")).findFirst()
                .orElseThrow(() -> new IllegalStateException("jcmd said: " + String.join("\n", lines)));
        String[] parts = total.trim().split("\\s+");
        return Long.parseLong(parts[2]);
    }
}
