package engawa.portal.people;

import engawa.db.people.User;
import engawa.db.people.UserRepository;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.UserFacingException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People change their own password; admins reset someone's to a temporary one that its owner
 * replaces at the next sign-in. Either way every other browser session of that person ends:
 * whoever knew the old password is out. API tokens stay, as they do on GitHub: they are revoked on
 * their own page. Accounts of single sign-on have no password here.
 */
@Service
public class PasswordService {

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final PublicPasswords publicPasswords;
    private final SignInGuard guard;
    private final Callers callers;

    PasswordService(UserRepository users, PasswordEncoder encoder, PublicPasswords publicPasswords, SignInGuard guard,
            Callers callers) {
        this.users = users;
        this.encoder = encoder;
        this.publicPasswords = publicPasswords;
        this.guard = guard;
        this.callers = callers;
    }

    /** Whether the signed-in person has a password of Engawa's to change (not single sign-on only). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean hasPassword() {
        return users.findByUsername(signedIn()).map(u -> u.getPasswordHash() != null).orElse(false);
    }

    /**
     * @return the new session generation: the session that made the change goes on in it, every other one ends
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public int changeOwn(String currentPassword, String newPassword) {
        User user = users.findByUsername(signedIn()).filter(u -> u.getPasswordHash() != null)
                .orElseThrow(() -> UserFacingException.conflict("people.password.singleSignOn"));
        List<FieldProblem> problems = new ArrayList<>();
        if (currentPassword == null || currentPassword.length() > PasswordPolicy.MAX_LENGTH
                || !encoder.matches(currentPassword, user.getPasswordHash())) {
            problems.add(new FieldProblem("current", "people.password.currentWrong"));
        } else if (currentPassword.equals(newPassword)) {
            problems.add(new FieldProblem("password", "people.password.same"));
        }
        problems.addAll(rules(newPassword, user.getUsername()));
        if (!problems.isEmpty()) {
            throw UserFacingException.invalidFields(problems);
        }
        user.setPasswordHash(encoder.encode(newPassword));
        user.setMustChangePassword(false);
        user.endSessions();
        return user.getSessionGeneration();
    }

    /**
     * Gives someone a temporary password, shown once to the admin who hands it over; its owner
     * chooses their own at the next sign-in. Not for oneself (use the change) nor single sign-on.
     */
    @PreAuthorize("hasRole('ADMIN') and #username != authentication.name")
    @Transactional
    public String reset(String username) {
        User user = users.findByUsername(username)
                .orElseThrow(() -> UserFacingException.notFound("people.user.notFound", username));
        if (user.getPasswordHash() == null) {
            throw UserFacingException.conflict("people.password.resetSingleSignOn", user.getDisplayName());
        }
        String temporary = TemporaryPasswords.next();
        user.setPasswordHash(encoder.encode(temporary));
        user.setMustChangePassword(true);
        user.endSessions();
        guard.forgive(username);
        return temporary;
    }

    private List<FieldProblem> rules(String password, String username) {
        if (password == null || password.isBlank()) {
            return List.of(new FieldProblem("password", "validation.password.required"));
        }
        if (password.length() < PasswordPolicy.MIN_LENGTH || password.length() > PasswordPolicy.MAX_LENGTH) {
            return List.of(new FieldProblem("password", "validation.password.size", PasswordPolicy.MIN_LENGTH,
                    PasswordPolicy.MAX_LENGTH));
        }
        if (publicPasswords.isPublic(password) || password.equalsIgnoreCase(username)) {
            return List.of(new FieldProblem("password", "people.password.known"));
        }
        return List.of();
    }

    private String signedIn() {
        return callers.current().username();
    }
}
