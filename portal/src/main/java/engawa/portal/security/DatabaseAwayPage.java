package engawa.portal.security;

import engawa.portal.shared.Translations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.HtmlUtils;

/**
 * The answer to a browser's request that cannot go on because the database is away: 503 with
 * Retry-After, and for a page a short one in the browser's language that says so and offers to try
 * again (the same words as the portal's own page for it). Vaadin's requests get the status only:
 * its client then shows that the connection is lost, and tries again by itself.
 */
final class DatabaseAwayPage {

    private DatabaseAwayPage() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, "30");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Locale locale = Translations.supportedOrEnglish(request.getLocale());
        String title = Translations.text("error.databaseAway.title", locale);
        String text = Translations.text("error.databaseAway.text", locale);
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || !accept.contains("text/html")) {
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write((title + ". " + text).getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        String page = """
                <!doctype html>
                <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Engawa</title>
                <style>body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans JP", sans-serif;
                color: #1b2733; background: #fff; } main { max-width: 36rem; margin: 0 auto; padding: 2.5rem 1.25rem;
                text-align: center; } h1 { font-size: 1.75rem; line-height: 1.3; } p { line-height: 1.6; }
                a { display: inline-block; margin-top: 0.5rem; padding: 0.6rem 1.2rem; border-radius: 0.4rem;
                background: #7a4b2a; color: #fff; text-decoration: none; font-weight: 600; }</style></head>
                <body><main class="error-view" id="database-away"><h1>%s</h1><p>%s</p>
                <p><a id="error-try-again" href="">%s</a></p></main></body></html>
                """.formatted(locale.getLanguage(), HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(title),
                HtmlUtils.htmlEscape(text), HtmlUtils.htmlEscape(Translations.text("error.tryAgain", locale)));
        response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
    }
}
