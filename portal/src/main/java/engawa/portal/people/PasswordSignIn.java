package engawa.portal.people;

import engawa.db.people.UserRepository;
import java.util.Locale;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Sign-in with a username and password, guarded: an overlong password is refused before it is
 * hashed, a subject that failed too often waits ({@link SignInGuard}), and a public demo password
 * opens nothing from another machine ({@link PublicPasswords}).
 */
@Component
public class PasswordSignIn implements AuthenticationProvider {

    /** No username is longer: what is longer is refused before anything is looked up. */
    public static final int MAX_USERNAME_LENGTH = engawa.db.people.User.USERNAME_MAX_LENGTH;

    private final DaoAuthenticationProvider passwords;
    private final SignInGuard guard;
    private final PublicPasswords publicPasswords;
    private final UserRepository users;

    PasswordSignIn(PasswordEncoder encoder, SignInGuard guard, PublicPasswords publicPasswords, UserRepository users) {
        this.passwords = new DaoAuthenticationProvider(new LocalAccountDetailsService(users));
        this.passwords.setPasswordEncoder(encoder);
        this.guard = guard;
        this.publicPasswords = publicPasswords;
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        try {
            return check(attempt);
        } catch (AuthenticationException refused) {
            // Spring Security keeps a refused attempt in the session for the sign-in page, which shows the
            // username again: never with the password that was tried
            if (attempt instanceof CredentialsContainer typed) {
                typed.eraseCredentials();
            }
            throw refused;
        }
    }

    private Authentication check(Authentication attempt) {
        String username = attempt.getName() == null ? "" : attempt.getName().trim().toLowerCase(Locale.ROOT);
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        guard.beforeTry(username, address);
        if (password.length() > PasswordPolicy.MAX_LENGTH || username.length() > MAX_USERNAME_LENGTH) {
            guard.failed(username, address, false);
            throw new BadCredentialsException("Too long to be a username or password");
        }
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
        } catch (BadCredentialsException wrong) {
            guard.failed(username, address, users.existsByUsername(username));
            throw wrong;
        }
        if (publicPasswords.isPublic(password) && !publicPasswords.acceptedFrom(address)) {
            throw new PublicPasswordRefusedException();
        }
        guard.succeeded(username);
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
