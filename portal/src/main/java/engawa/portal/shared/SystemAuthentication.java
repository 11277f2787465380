package engawa.portal.shared;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Work the portal does on its own (demo data, later background jobs) goes through the same secured
 * services as people do, as an admin named "system", instead of around them.
 */
@Component
public class SystemAuthentication {

    /** Not a possible username (those start with a letter or digit), so no account can ever be the system. */
    public static final String NAME = "#system";

    private final SecurityContextHolderStrategy contexts;

    SystemAuthentication(ObjectProvider<SecurityContextHolderStrategy> contexts) {
        this.contexts = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /**
     * Work done for a person outside their request (their weekly digest): through the same secured
     * services, so it shows exactly what they may see.
     */
    public <T> T runAs(String username, boolean admin, Supplier<T> work) {
        SecurityContext previous = contexts.getContext();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, admin
                ? List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_MEMBER"))
                : List.of(new SimpleGrantedAuthority("ROLE_MEMBER"))));
        contexts.setContext(context);
        try {
            return work.get();
        } finally {
            contexts.setContext(previous);
        }
    }

    public <T> T runAsSystem(Supplier<T> work) {
        SecurityContext previous = contexts.getContext();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(NAME, null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_MEMBER"))));
        contexts.setContext(context);
        try {
            return work.get();
        } finally {
            contexts.setContext(previous);
        }
    }
}
