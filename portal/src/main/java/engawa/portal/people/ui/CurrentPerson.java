package engawa.portal.people.ui;

import org.springframework.modulith.NamedInterface;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.UIScope;
import com.vaadin.flow.spring.security.AuthenticationContext;
import engawa.portal.people.UserAccountService;
import engawa.portal.people.UserSummary;
import java.util.Optional;

/** The signed-in person, as views need them: looked up once per browser tab. */
@SpringComponent
@UIScope
@NamedInterface("ui")
public class CurrentPerson {

    private final AuthenticationContext authentication;
    private final UserAccountService users;
    private UserSummary cached;

    CurrentPerson(AuthenticationContext authentication, UserAccountService users) {
        this.authentication = authentication;
        this.users = users;
    }

    public Optional<UserSummary> get() {
        if (cached == null) {
            cached = authentication.getPrincipalName().flatMap(users::find).orElse(null);
        }
        return Optional.ofNullable(cached);
    }

    /** Asks the database: an admin may have reset the password a moment ago. */
    public boolean mustChangePassword() {
        return authentication.getPrincipalName().flatMap(users::find).map(UserSummary::mustChangePassword).orElse(false);
    }

    public String username() {
        return authentication.getPrincipalName().orElseThrow();
    }

    public boolean isAdmin() {
        return authentication.hasRole("ADMIN");
    }

    public void signOut() {
        authentication.logout();
    }
}
