package engawa.portal.people;

import engawa.db.people.Role;
import engawa.db.people.User;
import engawa.db.people.UserRepository;
import engawa.portal.shared.SystemAuthentication;
import engawa.portal.shared.Translations;
import engawa.portal.shared.UserFacingException;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

@Service
@Validated
public class UserAccountService {

    private final UserRepository users;
    private final TeamService teams;
    private final PasswordEncoder passwordEncoder;
    private final Callers callers;
    private final Clock clock;

    UserAccountService(UserRepository users, TeamService teams, PasswordEncoder passwordEncoder, Callers callers, Clock clock) {
        this.users = users;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
        this.callers = callers;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserSummary create(@Valid NewUser newUser) {
        String username = newUser.username().trim();
        if (users.existsByUsername(username)) {
            throw UserFacingException.conflict("people.user.exists", username);
        }
        String email = blankToNull(newUser.email());
        if (email != null && users.findByEmailIgnoreCase(email).isPresent()) {
            throw UserFacingException.conflict("people.email.exists", email);
        }
        User user = new User(username, newUser.displayName().trim(), email, newUser.role(), clock.instant());
        user.setPasswordHash(passwordEncoder.encode(newUser.password()));
        // a password an admin chose is known to two people: its owner replaces it at the first sign-in
        // (the demo's accounts, made by the system, keep the README's passwords)
        user.setMustChangePassword(!SystemAuthentication.NAME.equals(callers.current().username()));
        return UserSummary.of(users.save(user));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Page<UserSummary> list(Pageable pageable) {
        return users.findAllByOrderByUsername(pageable).map(UserSummary::of);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public long count() {
        return users.count();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<UserSummary> search(String text, Pageable pageable) {
        return users.search(text == null ? "" : text.trim(), pageable).stream().map(UserSummary::of).toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<UserSummary> find(String username) {
        return users.findByUsername(username).map(UserSummary::of);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public UserProfile profile(String username) {
        User user = users.findByUsername(username)
                .orElseThrow(() -> UserFacingException.notFound("people.user.notFound", username));
        return new UserProfile(UserSummary.of(user), teams.teamsOf(user));
    }

    /**
     * Makes someone an admin or a member. Nobody changes their own role (an admin cannot lock
     * themselves out by accident), and the last enabled admin stays one.
     */
    @PreAuthorize("hasRole('ADMIN') and #username != authentication.name")
    @Transactional
    public UserSummary setRole(String username, Role role) {
        return change(username, role, null);
    }

    /**
     * Locks a person out, e.g. when they leave: they can no longer sign in and their API tokens stop
     * working at once. Enabling them again restores both. Not for oneself, nor the last admin.
     */
    @PreAuthorize("hasRole('ADMIN') and #username != authentication.name")
    @Transactional
    public UserSummary setEnabled(String username, boolean enabled) {
        return change(username, null, enabled);
    }

    /** Role and access at once, both or neither: {@code null} keeps what is. */
    @PreAuthorize("hasRole('ADMIN') and #username != authentication.name")
    @Transactional
    public UserSummary change(String username, Role role, Boolean enabled) {
        User user = users.findByUsername(username)
                .orElseThrow(() -> UserFacingException.notFound("people.user.notFound", username));
        Role newRole = role == null ? user.getRole() : role;
        boolean newEnabled = enabled == null ? user.isEnabled() : enabled;
        boolean stopsBeingAnAdmin = user.isAdmin() && user.isEnabled() && !(newRole == Role.ADMIN && newEnabled);
        if (stopsBeingAnAdmin && isLastEnabledAdmin()) {
            throw UserFacingException.conflict("people.lastAdmin");
        }
        if (newRole != user.getRole() || !newEnabled) {
            // their open pages must not act with the rights they had: every session of theirs ends now
            user.endSessions();
        }
        user.setRole(newRole);
        user.setEnabled(newEnabled);
        return UserSummary.of(user);
    }

    private boolean isLastEnabledAdmin() {
        return users.countByRoleAndEnabledTrue(Role.ADMIN) <= 1;
    }

    /** The language a person chose, or empty when they have not chosen one (the browser's then). */
    @Transactional(readOnly = true)
    public Optional<Locale> preferredLocale(String username) {
        return users.findByUsername(username).map(User::getLocale).map(Translations::fromTag);
    }

    @PreAuthorize("isAuthenticated() and #username == authentication.name")
    @Transactional
    public void rememberLocale(String username, Locale locale) {
        users.findByUsername(username).ifPresent(u -> u.setLocale(Translations.supportedOrEnglish(locale).toLanguageTag()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
