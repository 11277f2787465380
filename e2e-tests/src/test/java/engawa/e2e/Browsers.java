package engawa.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The system's Chromium where there is one (CI installs Debian's); otherwise Playwright's own
 * browser, which it downloads on a machine with internet access.
 */
final class Browsers {

    private static final List<String> SYSTEM_CHROMIUMS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");

    private Browsers() {
    }

    static Playwright playwright() {
        return systemChromium().isPresent()
                ? Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))
                : Playwright.create();
    }

    static Browser launch(Playwright playwright) {
        return launch(playwright, List.of());
    }

    /** @param extraArgs Chromium switches on top, such as {@code --host-resolver-rules} */
    static Browser launch(Playwright playwright, List<String> extraArgs) {
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(extraArgs);
        systemChromium().ifPresent(chromium -> {
            List<String> args = new java.util.ArrayList<>(List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"));
            args.addAll(extraArgs);
            options.setExecutablePath(chromium).setArgs(args);
        });
        return playwright.chromium().launch(options);
    }

    private static Optional<Path> systemChromium() {
        String configured = System.getenv("ENGAWA_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Paths.get(configured));
        }
        return SYSTEM_CHROMIUMS.stream().map(Paths::get).filter(Files::isExecutable).findFirst();
    }
}
