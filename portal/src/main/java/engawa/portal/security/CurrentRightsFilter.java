package engawa.portal.security;

import engawa.portal.people.SessionRights;
import engawa.portal.shared.DatabaseAway;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request of a browser session (page loads and every click, which Vaadin sends as requests:
 * push takes the other direction only) acts with its person's rights as stored now. When those
 * changed since the session began, the session ends before the request does anything, and the
 * request goes on as anonymous: the page reloads to the sign-in form. When they cannot be read (the
 * database away, and this instance no longer sure its memory of them is current), the request is
 * answered 503 and goes no further.
 */
class CurrentRightsFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CurrentRightsFilter.class);

    private final SessionRights rights;
    private final SecurityContextHolderStrategy contexts;
    CurrentRightsFilter(SessionRights rights, SecurityContextHolderStrategy contexts) {
        this.rights = rights;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = contexts.getContext().getAuthentication();
        if (session != null && authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            boolean admin = authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
            Integer generation = session.getAttribute(SessionRights.GENERATION) instanceof Integer g ? g : null;
            boolean goesOn;
            try {
                goesOn = rights.goesOn(authentication.getName(), admin, generation);
            } catch (RuntimeException e) {
                if (!DatabaseAway.causes(e)) {
                    throw e;
                }
                // rights that cannot be read are not assumed: nothing goes on until the database is back
                log.warn("Could not check the rights of '{}': the database is not reachable ({})", authentication.getName(),
                        e.toString());
                DatabaseAwayPage.write(request, response);
                return;
            }
            if (!goesOn) {
                log.info("Ended a session of '{}': their role, access or password changed since it began",
                        authentication.getName());
                session.invalidate();
                contexts.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
