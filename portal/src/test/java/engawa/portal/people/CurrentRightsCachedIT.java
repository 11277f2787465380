package engawa.portal.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import engawa.db.people.Role;
import engawa.portal.shared.DatabaseSignals;
import engawa.portal.support.ApiClient;
import engawa.portal.support.PortalTest;
import engawa.portal.support.SignedIn;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * API tokens are checked from memory, yet every request acts with its person's rights as stored
 * now: a change made on another instance (here: by hand in SQL, which no code of this instance
 * sees) reaches this one within moments; one made here holds from the very next request; and while
 * this instance cannot hear of changes, it asks the database every time.
 */
@PortalTest
class CurrentRightsCachedIT {

    /** The signal crosses the database and back; on a busy machine give it time. */
    private static final Duration SOON = Duration.ofSeconds(10);
    /** Admin only: 200 for an admin, 403 for a member, 401 for a token that no longer counts. */
    private static final String ADMIN_ONLY = "/actuator/prometheus";

    @LocalServerPort
    int port;
    @Autowired
    SignedIn signedIn;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    UserAccountService accounts;
    @Autowired
    DatabaseSignals signals;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntityManagerFactory entityManagers;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        await().atMost(SOON).until(signals::listening);
    }

    @Test
    void a_change_made_on_another_instance_reaches_the_next_requests_within_moments() throws Exception {
        String token = adminWithToken("rights-elsewhere");
        assertThat(status(token)).isEqualTo(200);
        assertThat(status(token)).as("asked again, from memory").isEqualTo(200);

        jdbc.update("UPDATE users SET role = 'MEMBER' WHERE username = 'rights-elsewhere'");
        await().atMost(SOON).until(() -> status(token) == 403);

        jdbc.update("UPDATE api_tokens SET revoked_at = now() WHERE user_id = (SELECT id FROM users WHERE username = ?)",
                "rights-elsewhere");
        await().atMost(SOON).until(() -> status(token) == 401);
    }

    @Test
    void a_change_made_here_holds_from_the_very_next_request() throws Exception {
        String token = adminWithToken("rights-here");
        assertThat(status(token)).isEqualTo(200);
        assertThat(status(token)).isEqualTo(200);

        signedIn.run("admin", "ADMIN", () -> accounts.setRole("rights-here", Role.MEMBER));
        assertThat(status(token)).as("no waiting: the change committed on this instance").isEqualTo(403);

        signedIn.run("admin", "ADMIN", () -> accounts.setEnabled("rights-here", false));
        assertThat(status(token)).isEqualTo(401);
    }

    /**
     * The test above cannot tell whether this instance forgot the person itself or heard the
     * database's signal, which arrives within a millisecond here; this one checks the first: that
     * {@link RightsChanges} joined Hibernate, which starts on a second thread (decision 021).
     */
    @Test
    void this_instance_forgets_its_own_changes_without_waiting_for_the_signal() {
        EventListenerRegistry registry = entityManagers.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .requireService(EventListenerRegistry.class);
        assertThat(registry.getEventListenerGroup(EventType.POST_COMMIT_UPDATE).listeners())
                .hasAtLeastOneElementOfType(RightsChanges.class);
        assertThat(registry.getEventListenerGroup(EventType.POST_COMMIT_DELETE).listeners())
                .hasAtLeastOneElementOfType(RightsChanges.class);
    }

    @Test
    void while_this_instance_cannot_hear_of_changes_it_asks_the_database_every_time() throws Exception {
        String token = adminWithToken("rights-unheard");
        assertThat(status(token)).isEqualTo(200);
        assertThat(status(token)).isEqualTo(200);

        // the listening connection dies: a change made now sends a signal that no one here hears
        jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?",
                DatabaseSignals.APPLICATION_NAME);
        await().atMost(SOON).until(() -> !signals.listening());
        jdbc.update("UPDATE users SET role = 'MEMBER' WHERE username = 'rights-unheard'");
        assertThat(status(token)).as("read from the database, not memory").isEqualTo(403);

        // listening again: memory is used again, and what changes is heard again
        await().atMost(SOON).until(signals::listening);
        jdbc.update("UPDATE users SET role = 'ADMIN' WHERE username = 'rights-unheard'");
        await().atMost(SOON).until(() -> status(token) == 200);
        jdbc.update("UPDATE users SET enabled = false WHERE username = 'rights-unheard'");
        await().atMost(SOON).until(() -> status(token) == 401);
    }

    @AfterEach
    void removePeople() {
        // others count the admins: the demo admin must be the only one again
        jdbc.update("DELETE FROM users WHERE username LIKE 'rights-%'");
    }

    private String adminWithToken(String username) {
        signedIn.run("admin", "ADMIN", () -> accounts.create(new NewUser(username, "Rights Test", username + "@example.com",
                Role.ADMIN, "a long enough password")));
        return signedIn.as(username, "ADMIN", () -> tokens.create(username, "cached", null).token());
    }

    private int status(String token) throws Exception {
        return api.send("GET", ADMIN_ONLY, token, null).statusCode();
    }
}
