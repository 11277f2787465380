package engawa.portal.app;

import com.vaadin.flow.server.RouteRegistry;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An address that is no page answers 404, as its page says. Vaadin answers every page address with
 * the same HTML, 200 whatever the address, and the browser draws "There is no page here" afterwards;
 * link checkers, uptime monitors and search engines read the status only. The page drawn is the
 * same. Runs after Spring Security, so only a signed-in person's requests get here (everyone else
 * is sent to the sign-in page first); API, files and Vaadin's own requests are left alone.
 */
@Component
class UnknownAddressStatus extends OncePerRequestFilter {

    /** Addresses that are not pages: the API, the actuator, Vaadin's files, anything with a file extension. */
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            "/(api|actuator|VAADIN|v3|frontend|oauth2|login/oauth2)(/.*)?|.*\\.[A-Za-z0-9]+");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || request.getQueryString() != null && request.getQueryString().contains("v-r=")
                || NOT_A_PAGE.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String route = path(request).replaceAll("^/+|/+$", "");
        RouteRegistry routes = ApplicationRouteRegistry.getInstance(new VaadinServletContext(getServletContext()));
        if (!routes.getNavigationRouteTarget(route).hasTarget()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
