package engawa.portal.people;

import engawa.db.people.Role;
import engawa.db.people.User;
import java.time.Instant;

public record UserSummary(String username, String displayName, String email, Role role, boolean enabled,
        boolean singleSignOn, Instant createdAt) {

    static UserSummary of(User user) {
        return new UserSummary(user.getUsername(), user.getDisplayName(), user.getEmail(), user.getRole(),
                user.isEnabled(), user.getOidcSubject() != null, user.getCreatedAt());
    }
}
