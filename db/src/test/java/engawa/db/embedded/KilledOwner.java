package engawa.db.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/** Run in a child JVM: starts the database, writes a row, says READY, then waits to be killed. */
public final class KilledOwner {

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]));
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            connection.createStatement().execute("create table if not exists survivors (name text primary key)");
            connection.createStatement().execute("insert into survivors values ('written before kill -9')");
        }
        System.out.println("READY " + database.port());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
