package engawa.portal.people;

import engawa.db.people.ApiTokenLookup;
import engawa.db.people.Role;
import java.util.Optional;
import org.springframework.security.authentication.DisabledException;
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
    private final RightsCache cache;

    Callers(ObjectProvider<SecurityContextHolderStrategy> contexts, ApiTokenLookup users, RightsCache cache) {
        this.contexts = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        this.users = users;
        this.cache = cache;
    }

    /**
     * The signed-in caller with their rights as stored now, not as their session or token was
     * granted them (from memory while every change of rights is heard, {@link RightsCache}, else one
     * indexed query): a person demoted a second ago is a member here.
     * The admin token and the system are nobody's account; their authorities decide.
     */
    public Caller current() {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("Not signed in");
        }
        String username = authentication.getName();
        Optional<ApiTokenLookup.Rights> stored = cache.rights(username, () -> users.rights(username));
        if (stored.isEmpty()) {
            boolean admin = authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
            return new Caller(authentication.getName(), null, admin);
        }
        if (!stored.get().enabled()) {
            throw new DisabledException("This account is disabled");
        }
        return new Caller(authentication.getName(), stored.get().userId(), stored.get().role() == Role.ADMIN);
    }

    /**
     * A person as a caller with their rights as stored now, for work done on their behalf outside a
     * request (their webhook subscriptions); empty when they can no longer sign in.
     */
    public Optional<Caller> person(long userId) {
        return users.person(userId).filter(ApiTokenLookup.Person::enabled)
                .map(p -> new Caller(p.username(), userId, p.role() == Role.ADMIN));
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
