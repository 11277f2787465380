package engawa.portal.people;

import engawa.db.people.User;
import engawa.db.people.UserRepository;
import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Signs in local accounts; people created through single sign-on have no password and cannot.
 * Used by {@link PasswordSignIn} only (not a bean: Spring Security would build a second sign-in from it).
 */
class LocalAccountDetailsService implements UserDetailsService {

    private final UserRepository users;

    LocalAccountDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String normalised = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        User user = users.findByUsername(normalised)
                .filter(u -> u.getPasswordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("No local account"));
        return org.springframework.security.core.userdetails.User.withUsername(user.getUsername())
                .password(user.getPasswordHash())
                .authorities(Authorities.of(user.getRole()))
                .disabled(!user.isEnabled())
                .build();
    }
}
