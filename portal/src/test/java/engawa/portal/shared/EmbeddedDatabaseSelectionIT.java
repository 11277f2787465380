package engawa.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import engawa.portal.support.PortalTest;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** With no ENGAWA_DB_URL, the portal runs its own PostgreSQL with its files in ENGAWA_DATA_DIR. */
@PortalTest
class EmbeddedDatabaseSelectionIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    EngawaProperties properties;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void without_a_database_url_the_portal_starts_postgresql_in_its_data_directory() {
        assertThat(dataSource).isInstanceOf(DatabaseConfiguration.EmbeddedBackedDataSource.class);
        var embedded = ((DatabaseConfiguration.EmbeddedBackedDataSource) dataSource).embedded();
        Path postgresFiles = properties.dataDir().resolve("postgres");
        assertThat(embedded.dataDirectory()).isEqualTo(postgresFiles);
        assertThat(Files.exists(postgresFiles.resolve("PG_VERSION"))).isTrue();
        assertThat(jdbc.queryForObject("select inet_server_port()", Integer.class)).isEqualTo(embedded.port());
        assertThat(jdbc.queryForObject("select count(*) from users where username = 'admin'", Integer.class)).isOne();
    }
}
