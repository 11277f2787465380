package engawa.portal.people;

import engawa.db.people.Role;
import engawa.db.people.User;
import engawa.db.people.UserRepository;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches a person who signed in through OpenID Connect to an Engawa account: by issuer and
 * subject; else by a verified e-mail address to an existing account; else a new member account.
 * An unverified address never links, or anyone could claim an admin's account at a lax provider.
 */
@Service
public class SingleSignOnAccounts {

    private static final Logger log = LoggerFactory.getLogger(SingleSignOnAccounts.class);

    private final UserRepository users;
    private final Clock clock;

    SingleSignOnAccounts(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    public record SignedInPerson(String issuer, String subject, String preferredUsername, String name, String email,
            boolean emailVerified) {
    }

    @Transactional
    public TokenOwner accountFor(SignedInPerson person) {
        Optional<User> known = users.findByOidcIssuerAndOidcSubject(person.issuer(), person.subject());
        if (known.isPresent()) {
            return owner(known.get());
        }
        if (person.email() != null && person.emailVerified()) {
            Optional<User> byEmail = users.findByEmailIgnoreCase(person.email()).filter(u -> u.getOidcSubject() == null);
            if (byEmail.isPresent()) {
                byEmail.get().linkSingleSignOn(person.issuer(), person.subject());
                log.info("Linked single sign-on to the existing account {}", byEmail.get().getUsername());
                return owner(byEmail.get());
            }
        }
        String username = freeUsername(person);
        String displayName = person.name() != null && !person.name().isBlank() ? person.name() : username;
        String email = person.emailVerified() && person.email() != null
                && users.findByEmailIgnoreCase(person.email()).isEmpty() ? person.email() : null;
        User user = new User(username, displayName, email, Role.MEMBER, clock.instant());
        user.linkSingleSignOn(person.issuer(), person.subject());
        users.save(user);
        log.info("Created the member account {} on first single sign-on", username);
        return owner(user);
    }

    private String freeUsername(SignedInPerson person) {
        String wanted = person.preferredUsername();
        if ((wanted == null || wanted.isBlank()) && person.email() != null) {
            wanted = person.email().substring(0, Math.max(0, person.email().indexOf('@')));
        }
        String base = wanted == null ? "" : wanted.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-")
                .replaceAll("^[^a-z0-9]+", "");
        if (base.isBlank()) {
            base = "user";
        }
        base = base.substring(0, Math.min(base.length(), User.USERNAME_MAX_LENGTH - 4));
        String candidate = base;
        for (int n = 2; users.existsByUsername(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private static TokenOwner owner(User user) {
        return new TokenOwner(user.getUsername(), user.getRole());
    }
}
