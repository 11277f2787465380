package engawa.portal.people;

import engawa.db.people.SignInFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing: a few failed sign-ins are free, then each next try on that account, or from
 * that address, has to wait, twice as long each time. An account waits longer than an address,
 * because many people may share one address (an office, a VPN) and one of them mistyping must not
 * lock out the rest. The right password does not skip the wait. Every failure is written to the
 * {@code engawa.audit} log.
 */
@Component
public class SignInGuard {

    private static final Logger audit = LoggerFactory.getLogger("engawa.audit");
    static final Duration WINDOW = Duration.ofMinutes(15);

    /** Free failures, first wait and longest wait, per kind of subject. */
    record Limit(int free, Duration firstWait, Duration longestWait) {

        Duration waitAfter(int failures) {
            int over = failures - free;
            if (over <= 0) {
                return Duration.ZERO;
            }
            Duration wait = firstWait.multipliedBy(1L << Math.min(over - 1, 20));
            return wait.compareTo(longestWait) > 0 ? longestWait : wait;
        }
    }

    static final Limit ACCOUNT = new Limit(5, Duration.ofSeconds(30), Duration.ofMinutes(15));
    static final Limit ADDRESS = new Limit(30, Duration.ofSeconds(5), Duration.ofMinutes(1));

    private final SignInFailures failures;
    private final Clock clock;

    SignInGuard(SignInFailures failures, Clock clock) {
        this.failures = failures;
        this.clock = clock;
    }

    /** Refuses a try that must wait. */
    void beforeTry(String username, String address) {
        Instant now = clock.instant();
        Instant until = latest(failures.blockedUntil(account(username), now).orElse(null),
                address == null ? null : failures.blockedUntil(address(address), now).orElse(null));
        if (until != null) {
            throw new SignInBlockedException(Duration.between(now, until));
        }
    }

    void failed(String username, String address, boolean knownAccount) {
        Instant now = clock.instant();
        int forAccount = count(account(username), ACCOUNT, now);
        int forAddress = address == null ? 0 : count(address(address), ADDRESS, now);
        audit.warn("Failed sign-in for {} from {} ({} in a row for the account, {} from the address)",
                knownAccount ? "account '" + username + "'" : "an unknown username", address, forAccount, forAddress);
    }

    void succeeded(String username) {
        failures.clear(account(username));
    }

    /** An admin who resets someone's password also lifts their wait. */
    void forgive(String username) {
        failures.clear(account(username));
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldFailures() {
        failures.forgetBefore(clock.instant().minus(WINDOW.multipliedBy(2)));
    }

    private int count(String subject, Limit limit, Instant now) {
        int inARow = failures.fail(subject, now, now.minus(WINDOW));
        Duration wait = limit.waitAfter(inARow);
        if (!wait.isZero()) {
            failures.block(subject, now.plus(wait));
        }
        return inARow;
    }

    private static String account(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return "user:" + (name.length() > 100 ? name.substring(0, 100) : name);
    }

    private static String address(String address) {
        return "address:" + address;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
