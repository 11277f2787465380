package engawa.portal.app;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.internal.NavigationRouteTarget;
import com.vaadin.flow.server.RouteRegistry;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import engawa.portal.shared.DatabaseAway;
import engawa.portal.shared.ui.ItemPages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page's answer carries the status its page says: 404 for an address that is no page, or that
 * names an item that is not there (a service deleted, a run not this person's to see: each
 * feature's {@link ItemPages} answers, one lookup), 403 for a page that is not for this person (an
 * admin's page opened by a member, the edit form of someone else's service). Vaadin answers every
 * page address with the same HTML, 200 whatever the address, and the browser draws "There is no
 * page here" or "This page is not for your account" afterwards; link checkers, uptime monitors and
 * search engines read the status only. The page drawn is the same. Runs after Spring Security, so
 * only a signed-in person's requests get here (everyone else is sent to the sign-in page first),
 * with the roles they have now (a session whose rights changed has ended before); API, files and
 * Vaadin's own requests are left alone.
 */
@org.springframework.stereotype.Component
class PageStatus extends OncePerRequestFilter {

    /** Addresses that are not pages: the API, the actuator, Vaadin's files, anything with a file extension. */
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            "/(api|actuator|VAADIN|v3|frontend|oauth2|login/oauth2)(/.*)?|.*\\.[A-Za-z0-9]+");

    private final Map<Class<? extends Component>, Predicate<RouteParameters>> itemPages = new HashMap<>();
    private final Map<Class<? extends Component>, Predicate<RouteParameters>> changePages = new HashMap<>();

    PageStatus(List<ItemPages> features) {
        features.forEach(feature -> {
            itemPages.putAll(feature.itemPages());
            changePages.putAll(feature.changePages());
        });
    }

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
        NavigationRouteTarget target = routes.getNavigationRouteTarget(route);
        if (!target.hasTarget()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        } else if (!mayOpen(target.getRouteTarget().getTarget(), request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        } else {
            int status = itemStatus(target);
            if (status != HttpServletResponse.SC_OK) {
                response.setStatus(status);
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * 404 when the page's item is not there, 403 when it is but the page changes it and this person
     * may not. When a lookup fails, the page's own lookup meets the same trouble and says so, and
     * the status says what it will: 503 with the database away (the page in the layout's place),
     * else 500 (the incident page).
     */
    private int itemStatus(NavigationRouteTarget target) {
        Class<? extends Component> view = target.getRouteTarget().getTarget();
        RouteParameters address = target.getRouteParameters();
        Predicate<RouteParameters> there = itemPages.getOrDefault(view, any -> true);
        Predicate<RouteParameters> mayChange = changePages.getOrDefault(view, any -> true);
        try {
            return !there.test(address) ? HttpServletResponse.SC_NOT_FOUND
                    : !mayChange.test(address) ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_OK;
        } catch (RuntimeException e) {
            return DatabaseAway.causes(e) ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
                    : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        }
    }

    /** As Vaadin's access check decides for the view (its {@code @RolesAllowed}), which then draws the refusal. */
    private static boolean mayOpen(Class<? extends Component> view, HttpServletRequest request) {
        RolesAllowed roles = view.getAnnotation(RolesAllowed.class);
        return roles == null || Arrays.stream(roles.value()).anyMatch(request::isUserInRole);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
