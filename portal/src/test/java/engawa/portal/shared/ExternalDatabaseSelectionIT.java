package engawa.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engawa.db.embedded.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With ENGAWA_DB_URL set, the portal uses that server and starts none of its own. A second
 * PostgreSQL, started here, plays the external production database; a short socket timeout shows
 * what it bounds and what it leaves alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// its own context, closed after this class rather than held until the JVM exits
@DirtiesContext
class ExternalDatabaseSelectionIT {

    static final Path unusedDataDir = Path.of("target", "it-data", "external-" + System.nanoTime());
    static EmbeddedDatabase external;

    @DynamicPropertySource
    static void pointAtTheExternalDatabase(DynamicPropertyRegistry registry) throws Exception {
        external = EmbeddedDatabase.start(Files.createTempDirectory("engawa-external-db-"));
        registry.add("engawa.db.url", external::jdbcUrl);
        registry.add("engawa.db.user", external::username);
        registry.add("engawa.db.password", external::password);
        registry.add("engawa.data-dir", unusedDataDir::toString);
        registry.add("engawa.secret-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        // a short limit on waiting for the database, and a migration (3 s) that takes longer
        registry.add("engawa.db.socket-timeout", () -> "2s");
        registry.add("spring.flyway.locations", () -> "classpath:db/migration,classpath:db/slow-migration");
    }

    @AfterAll
    static void stopTheExternalDatabase() {
        external.close();
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void with_a_database_url_the_portal_uses_that_server_and_starts_none_of_its_own() throws Exception {
        assertThat(dataSource).isNotInstanceOf(DatabaseConfiguration.EmbeddedBackedDataSource.class);
        assertThat(jdbc.queryForObject("select inet_server_port()", Integer.class)).isEqualTo(external.port());
        assertThat(Files.exists(unusedDataDir)).as("no embedded database files were created").isFalse();

        // migrations and demo data went to the external server, as seen from outside the portal
        try (Connection connection = DriverManager.getConnection(external.jdbcUrl(), external.username(), external.password());
                ResultSet rows = connection.createStatement().executeQuery("select count(*) from users")) {
            rows.next();
            assertThat(rows.getInt(1)).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void a_statement_that_waits_past_the_socket_timeout_is_given_up_while_a_migration_takes_as_long_as_it_needs() {
        // the 3 s migration ran to its end when the portal started, past the 2 s limit
        assertThat(jdbc.queryForObject("select bool_and(success) from flyway_schema_history"
                + " where script = 'R__a_migration_slower_than_the_socket_timeout.sql'", Boolean.class)).isTrue();
        // a statement of the portal's own that gets no answer within 2 s is given up, as "not reachable"
        assertThatThrownBy(() -> jdbc.queryForObject("select pg_sleep(10)::text", String.class))
                .satisfies(failure -> assertThat(DatabaseAway.causes(failure)).as(failure.toString()).isTrue());
        // and the pool goes on with a connection that answers
        assertThat(jdbc.queryForObject("select 1", Integer.class)).isEqualTo(1);
    }
}
