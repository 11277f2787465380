package engawa.portal.security;

import engawa.portal.people.SessionRights;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes into a new browser session (signed in with a password or single sign-on) the generation
 * its person's sessions are in, which {@link CurrentRightsFilter} compares with the stored one.
 */
@Component
class SignInStamp {

    private final SessionRights rights;

    SignInStamp(SessionRights rights) {
        this.rights = rights;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            request.getRequest().getSession(true).setAttribute(SessionRights.GENERATION,
                    rights.generation(event.getAuthentication().getName()));
        }
    }
}
