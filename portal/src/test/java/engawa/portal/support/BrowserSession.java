package engawa.portal.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A browser's session at the HTTP level: its own cookies, redirects not followed, so that a test
 * sees where the portal sends it (the sign-in form, or the page it asked for).
 */
public final class BrowserSession {

    private final String base;
    private final HttpClient http;

    public BrowserSession(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static BrowserSession on(int port) {
        return new BrowserSession("http://localhost:" + port);
    }

    /** Posts the sign-in form, as the page's own form does. */
    public HttpResponse<String> signIn(String username, String password, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/login"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        return signIn(username, password, Map.of());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Where a redirect points, or "" when the answer is none. */
    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** Whether a sign-in went through: the portal sends the browser on, not back to the form with an error. */
    public static boolean signedIn(HttpResponse<?> response) {
        return response.statusCode() == 302 && !location(response).contains("/login");
    }
}
