package engawa.portal.people;

import engawa.db.people.Role;
import engawa.db.people.User;
import engawa.db.people.UserRepository;
import engawa.portal.shared.EngawaProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A real installation (no demo data) starts with one admin, "admin", whose password is made up
 * at the first start and printed once in the log; it must be changed at the first sign-in. Nobody
 * else knows it, unlike the demo passwords in the README.
 */
@Component
class FirstAdmin implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final EngawaProperties properties;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    FirstAdmin(EngawaProperties properties, UserRepository users, PasswordEncoder encoder, TransactionTemplate transaction,
            JdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.users = users;
        this.encoder = encoder;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.demoData()) {
            return;
        }
        String password = transaction.execute(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, DemoPeople.DEMO_DATA_LOCK);
            if (users.count() > 0) {
                return null;
            }
            String chosen = TemporaryPasswords.next();
            User admin = new User("admin", "Administrator", null, Role.ADMIN, clock.instant());
            admin.setPasswordHash(encoder.encode(chosen));
            admin.setMustChangePassword(true);
            users.save(admin);
            return chosen;
        });
        if (password != null) {
            // shown once, on the console of whoever installed Engawa, and useless after the first sign-in
            log.warn("Created the first admin. Sign in as 'admin' with the password {} and choose your own;"
                    + " this one is shown only now and must be changed at the first sign-in.", password);
        }
    }
}
