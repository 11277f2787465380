package engawa.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A PostgreSQL 17 server of its own, outside every portal, as a company's database would be:
 * several portals share it, and a test may stop it and start it again on the same port and files.
 * It is the server the embedded mode runs (zonky's build of PostgreSQL 17.11): Debian 12's
 * PostgreSQL is 15, older than the schema needs (see docs/decisions/021).
 */
final class SharedPostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private SharedPostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    static SharedPostgres start(Path dataDirectory) throws IOException {
        SharedPostgres postgres = new SharedPostgres(dataDirectory, PortalProcess.freePort());
        postgres.start();
        return postgres;
    }

    /** Starts the server on its port with its files; after {@link #stop()} it recovers what was committed. */
    void start() {
        try {
            server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the shared PostgreSQL", e);
        }
    }

    /** A fast shutdown (pg_ctl -m fast): connections are cut, nothing committed is lost. */
    void stop() {
        try {
            server.close();
            server = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isRunning() {
        return server != null;
    }

    String jdbcUrl() {
        return jdbcUrl(port);
    }

    /** Its address as reached through another port on this machine (a relay in front of it). */
    static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    int port() {
        return port;
    }

    String user() {
        return "postgres";
    }

    /** One number from the database, for counting what the portals did. */
    long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), user(), "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    java.util.List<String> strings(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), user(), "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            java.util.List<String> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), user(), "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }
}
