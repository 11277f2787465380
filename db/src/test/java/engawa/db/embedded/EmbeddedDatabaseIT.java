package engawa.db.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseIT {

    @TempDir
    Path dataDir;

    @Test
    void a_committed_row_is_still_there_after_a_restart() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            execute(database, "create table notes (text text)");
            execute(database, "insert into notes values ('kept')");
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            assertThat(queryString(database, "select text from notes")).isEqualTo("kept");
        }
    }

    @Test
    void only_the_holder_of_its_password_connects_and_only_its_owner_may_read_the_password() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            assertThat(database.password()).hasSize(32);
            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), database.username(), "").close())
                    .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), database.username(), "guess").close())
                    .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("password authentication failed");
            assertThat(queryString(database, "show listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(java.nio.file.Files.getPosixFilePermissions(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE)))
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.start(dataDir)) {
            assertThat(queryString(again, "select 'the same password after a restart'")).startsWith("the same");
            assertThatThrownBy(() -> DriverManager.getConnection(again.jdbcUrl(), again.username(), "").close())
                    .isInstanceOf(java.sql.SQLException.class);
        }
    }

    @Test
    void a_server_that_stopped_by_itself_starts_again_on_the_same_port_with_its_data() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            execute(database, "create table notes (text text)");
            execute(database, "insert into notes values ('kept')");
            assertThat(database.restartIfStopped()).as("running: nothing to do").isFalse();
            String url = database.jdbcUrl();

            // the postmaster gone without a word, as when its disk ran full
            ProcessHandle server = ProcessHandle.of(Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().trim()))
                    .orElseThrow();
            server.destroyForcibly();
            server.onExit().get(30, TimeUnit.SECONDS);
            assertThat(database.serverRunning()).isFalse();

            assertThat(database.restartIfStopped()).isTrue();
            assertThat(database.serverRunning()).isTrue();
            assertThat(database.jdbcUrl()).isEqualTo(url);
            assertThat(queryString(database, "select text from notes")).isEqualTo("kept");
        }
        assertThat(Files.exists(dataDir.resolve("postmaster.pid"))).as("the new server stopped with the database").isFalse();
    }

    @Test
    void it_runs_with_fsync_and_synchronous_commit_on() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            assertThat(queryString(database, "show fsync")).isEqualTo("on");
            assertThat(queryString(database, "show synchronous_commit")).isEqualTo("on");
            assertThat(queryString(database, "show full_page_writes")).isEqualTo("on");
            assertThat(queryString(database, "select version()")).contains("PostgreSQL 17");
        }
    }

    @Test
    void it_starts_after_the_previous_owner_was_killed_with_sigkill_and_keeps_its_data() throws Exception {
        Process owner = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledOwner.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null && !line.startsWith("READY")) {
                // start-up logging
            }
            assertThat(line).as("the child JVM started its database").startsWith("READY");
        }
        owner.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long orphanPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().trim());
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive))
                .as("the killed JVM left its PostgreSQL running").hasValue(true);

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            assertThat(queryString(database, "select name from survivors")).isEqualTo("written before kill -9");
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                    .as("the orphaned server was stopped").isFalse();
        }
    }

    /**
     * At a SIGTERM the server keeps running while its owner finishes what needs it (Spring answers
     * the requests in flight and stops its background work), and stops when the owner closes it,
     * not alongside: zonky's own exit hook would have stopped it at once.
     */
    @Test
    void at_a_sigterm_the_server_serves_its_owner_until_the_owner_closes_it() throws Exception {
        Process owner = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GracefulOwner.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .start();
        StringBuffer said = new StringBuffer();
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader output = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    said.append(line).append('\n');
                    if (line.startsWith("READY")) {
                        ready.countDown();
                    }
                }
            } catch (java.io.IOException ended) {
                // the child is gone
            }
        });
        try {
            assertThat(ready.await(120, TimeUnit.SECONDS)).as("the child JVM started its database: %s", said).isTrue();
            long server = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().trim());

            owner.toHandle().destroy(); // SIGTERM: exit hooks run (Process.destroy would also close its output)
            assertThat(owner.waitFor(60, TimeUnit.SECONDS)).as("the child stopped: %s", said).isTrue();
            reader.join(10_000); // its last words
            assertThat(said).as("the owner's last work").contains("WRITTEN");
            // its last moments after the owner's close (the pid file goes first), then no orphan left
            ProcessHandle.of(server).ifPresent(handle -> handle.onExit().completeOnTimeout(handle, 30, TimeUnit.SECONDS).join());
            assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false))
                    .as("the server stopped with its owner").isFalse();
        } finally {
            owner.destroyForcibly();
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.start(dataDir)) {
            assertThat(queryString(again, "select what from finished")).isEqualTo("written while stopping");
        }
    }

    @Test
    void a_second_start_on_a_directory_in_use_is_refused_with_a_clear_message() {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another process is already using the database")
                    .hasMessageContaining("ENGAWA_DATA_DIR");
            // and the first one was left alone
            assertThat(queryString(first, "select 'still up'")).isEqualTo("still up");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    static void execute(EmbeddedDatabase database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            connection.createStatement().execute(sql);
        }
    }

    static String queryString(EmbeddedDatabase database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            assertThat(rows.next()).as("a row from: " + sql).isTrue();
            return rows.getString(1);
        }
    }
}
