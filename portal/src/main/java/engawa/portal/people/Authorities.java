package engawa.portal.people;

import engawa.db.people.Role;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Admins can do everything members can, so they carry both roles. */
public final class Authorities {

    private Authorities() {
    }

    public static List<GrantedAuthority> of(Role role) {
        return role == Role.ADMIN
                ? List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_MEMBER"))
                : List.of(new SimpleGrantedAuthority("ROLE_MEMBER"));
    }
}
