package engawa.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in posted from another site (login CSRF: someone else's page signing you in to
 * their account, so that what you then type lands with them). Vaadin's sign-in form is a plain
 * form without a CSRF token, so the browser's own word decides: {@code Sec-Fetch-Site}, or, from
 * browsers that do not send it, an {@code Origin} that is not this portal's.
 */
class SameSiteSignIn extends OncePerRequestFilter {

    private final ProblemResponses problems;

    SameSiteSignIn(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (fromAnotherSite(request)) {
            problems.write(request, response, 403, "Sign-in from another site",
                    "Open the portal's own sign-in page and sign in there.");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean fromAnotherSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return !fetchSite.equals("same-origin") && !fetchSite.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            return origin != null; // "null": a sandboxed or privacy-masked origin, never ours
        }
        try {
            URI from = URI.create(origin);
            int fromPort = from.getPort() == -1 ? defaultPort(from.getScheme()) : from.getPort();
            return !(request.getScheme().equalsIgnoreCase(from.getScheme())
                    && request.getServerName().equalsIgnoreCase(from.getHost())
                    && request.getServerPort() == fromPort);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
