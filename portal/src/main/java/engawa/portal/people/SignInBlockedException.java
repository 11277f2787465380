package engawa.portal.people;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins: the next try must wait, however right its password. */
public class SignInBlockedException extends AuthenticationException {

    private final Duration wait;

    public SignInBlockedException(Duration wait) {
        super("Too many failed sign-ins; try again in " + wait.toSeconds() + " s");
        this.wait = wait;
    }

    /** How long until the next try, rounded up to whole minutes for people. */
    public long minutes() {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}
