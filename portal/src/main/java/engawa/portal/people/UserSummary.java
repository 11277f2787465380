package engawa.portal.people;

import engawa.db.people.Role;
import engawa.db.people.User;
import java.time.Instant;

/**
 * @param singleSignOn whether the account was made by single sign-on
 * @param hasPassword whether it can sign in with a password of Engawa's
 * @param mustChangePassword whether its password was chosen by someone else and must be replaced first
 */
public record UserSummary(String username, String displayName, String email, Role role, boolean enabled,
        boolean singleSignOn, Instant createdAt, boolean hasPassword, boolean mustChangePassword) {

    static UserSummary of(User user) {
        return new UserSummary(user.getUsername(), user.getDisplayName(), user.getEmail(), user.getRole(),
                user.isEnabled(), user.getOidcSubject() != null, user.getCreatedAt(), user.getPasswordHash() != null,
                user.mustChangePassword());
    }
}
