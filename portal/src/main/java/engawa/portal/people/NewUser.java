package engawa.portal.people;

import engawa.db.people.Role;
import engawa.db.people.User;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an admin fills in to create a local account. Messages are translation keys. */
public record NewUser(
        @NotBlank(message = "validation.username.required")
        @Size(max = User.USERNAME_MAX_LENGTH, message = "validation.username.size")
        @Pattern(regexp = User.USERNAME_PATTERN, message = "validation.username.format")
        String username,
        @NotBlank(message = "validation.displayName.required")
        @Size(max = User.DISPLAY_NAME_MAX_LENGTH, message = "validation.displayName.size")
        String displayName,
        @Email(message = "validation.email.format")
        @Size(max = User.EMAIL_MAX_LENGTH, message = "validation.email.size")
        String email,
        @NotNull(message = "validation.role.required")
        Role role,
        @NotBlank(message = "validation.password.required")
        @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH, message = "validation.password.size")
        String password) {

    @Override
    public String toString() {
        // never let the password reach a log line
        return "NewUser[username=" + username + ", role=" + role + "]";
    }
}
