package engawa.db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engawa.db.embedded.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsIT {

    @TempDir
    static Path dataDir;
    static EmbeddedDatabase database;
    static MigrateResult result;

    @BeforeAll
    static void migrateAnEmptyDatabase() {
        database = EmbeddedDatabase.start(dataDir);
        result = Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void every_migration_applies_to_an_empty_database() {
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);
        assertThat(result.initialSchemaVersion).isNull();
    }

    @Test
    void the_people_tables_exist() throws SQLException {
        assertThat(tables()).contains("users", "teams", "team_memberships", "api_tokens");
    }

    @Test
    void the_schema_refuses_a_team_slug_with_spaces_and_a_team_that_is_its_own_parent() throws SQLException {
        assertThatThrownBy(() -> execute("insert into teams (slug, name, created_at) values ('Bad Slug', 'x', now())"))
                .hasMessageContaining("teams_slug_format");
        execute("insert into teams (slug, name, created_at) values ('loop', 'Loop', now())");
        assertThatThrownBy(() -> execute("update teams set parent_id = id where slug = 'loop'"))
                .hasMessageContaining("teams_not_own_parent");
    }

    @Test
    void the_schema_refuses_an_unknown_role_and_a_second_account_with_the_same_email_in_other_case() throws SQLException {
        assertThatThrownBy(() -> execute("insert into users (username, display_name, role, created_at)"
                + " values ('x', 'X', 'ROOT', now())")).hasMessageContaining("users_role_known");
        execute("insert into users (username, display_name, email, role, created_at) values ('a', 'A', 'a@example.com', 'MEMBER', now())");
        assertThatThrownBy(() -> execute("insert into users (username, display_name, email, role, created_at)"
                + " values ('b', 'B', 'A@Example.com', 'MEMBER', now())")).hasMessageContaining("users_email_unique");
    }

    @Test
    void a_second_run_finds_nothing_to_do() {
        MigrateResult again = Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/migration").load().migrate();
        assertThat(again.migrationsExecuted).isZero();
    }

    private static List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = connect();
                ResultSet rows = connection.createStatement().executeQuery(
                        "select table_name from information_schema.tables where table_schema = 'public'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = connect()) {
            connection.createStatement().execute(sql);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
