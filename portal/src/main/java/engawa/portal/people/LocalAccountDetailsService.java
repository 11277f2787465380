package engawa.portal.people;

import engawa.db.people.User;
import engawa.db.people.UserRepository;
import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signs in local accounts; people created through single sign-on have no password and cannot. */
@Service
class LocalAccountDetailsService implements UserDetailsService {

    private final UserRepository users;

    LocalAccountDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
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
