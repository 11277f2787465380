package engawa.db.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Run in a child JVM: starts the database, says READY, and waits for a SIGTERM. Then, as Spring
 * does at a SIGTERM, its own exit hook still uses the database a while (a request being answered)
 * before it closes it.
 */
public final class GracefulOwner {

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]));
        execute(database, "create table if not exists finished (what text)");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(1_000);
                execute(database, "insert into finished values ('written while stopping')");
                System.out.println("WRITTEN");
            } catch (Exception e) {
                e.printStackTrace(System.out);
            } finally {
                database.close();
            }
        }));
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(600_000);
    }

    private static void execute(EmbeddedDatabase database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            connection.createStatement().execute(sql);
        }
    }
}
