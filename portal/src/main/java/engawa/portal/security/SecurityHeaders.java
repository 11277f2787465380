package engawa.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser protections on every answer, pages and API alike, written before anything else runs
 * and kept: what may run in a page (Content-Security-Policy), that no other site may frame it,
 * that a response is never read as another type than it says, and that links to other sites do
 * not carry our addresses. Written here rather than by Spring Security, whose header writers did
 * not reach Vaadin's pages (a review found only {@code X-Frame-Options: SAMEORIGIN} on them).
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeaders {

    /**
     * Vaadin needs inline and evaluated scripts and inline styles (its client engine starts from an
     * inline script and builds functions from what the server sends); everything else comes from
     * here, images also from https (Markdown in recipes).
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; font-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** JSON and files: nothing in them may run or be framed. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> securityHeadersFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Writer());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    static final class Writer extends OncePerRequestFilter {

        private static final Set<String> OURS = Set.of("content-security-policy", "x-frame-options",
                "x-content-type-options", "referrer-policy");

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean api = path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/api-docs");
            Map<String, String> headers = Map.of(
                    "Content-Security-Policy", api ? API_POLICY : PAGE_POLICY,
                    "X-Frame-Options", "DENY",
                    "X-Content-Type-Options", "nosniff",
                    "Referrer-Policy", "same-origin");
            headers.forEach(response::setHeader);
            if (request.isSecure()) {
                // over https (directly, or behind a proxy this portal believes): browsers keep to https
                response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void setHeader(String name, String value) {
                    if (!OURS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                        super.setHeader(name, value);
                    }
                }

                @Override
                public void addHeader(String name, String value) {
                    if (!OURS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                        super.addHeader(name, value);
                    }
                }
            });
        }
    }
}
