package engawa.portal.people;

import engawa.db.people.ApiTokenLookup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/** Who is calling a service: a person, or the admin token and the system, which are nobody. */
@Component
public class Callers {

    private final SecurityContextHolderStrategy contexts;
    private final ApiTokenLookup users;

    Callers(ObjectProvider<SecurityContextHolderStrategy> contexts, ApiTokenLookup users) {
        this.contexts = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        this.users = users;
    }

    /** The signed-in caller; the stored account decides the person's id (one indexed query, no ORM). */
    public Caller current() {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("Not signed in");
        }
        boolean admin = authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        Long userId = users.userId(authentication.getName()).orElse(null);
        return new Caller(authentication.getName(), userId, admin);
    }

    /**
     * @param userId the person's id, or null for the admin token and the system
     */
    public record Caller(String username, Long userId, boolean admin) {

        /** Admins reach everything; a person reaches what they own. */
        public boolean mayManage(Long ownerId) {
            return admin || (userId != null && userId.equals(ownerId));
        }
    }
}
