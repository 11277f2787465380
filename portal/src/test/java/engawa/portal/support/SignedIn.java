package engawa.portal.support;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Calls a secured service as a given person, the way a signed-in request would. It goes through
 * the application context's own {@link SecurityContextHolderStrategy}: Vaadin replaces the static
 * holder's strategy, so with several test contexts in one JVM the static one may belong to another.
 */
public class SignedIn {

    private final SecurityContextHolderStrategy contexts;

    public SignedIn(SecurityContextHolderStrategy contexts) {
        this.contexts = contexts;
    }

    public <T> T as(String username, String role, Supplier<T> work) {
        List<SimpleGrantedAuthority> authorities = role.equals("ADMIN")
                ? List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_MEMBER"))
                : List.of(new SimpleGrantedAuthority("ROLE_MEMBER"));
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
        contexts.setContext(context);
        try {
            return work.get();
        } finally {
            contexts.clearContext();
        }
    }

    public void run(String username, String role, Runnable work) {
        as(username, role, () -> {
            work.run();
            return null;
        });
    }
}
