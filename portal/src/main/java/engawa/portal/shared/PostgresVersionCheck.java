package engawa.portal.shared;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * Refuses an external PostgreSQL older than 17 before any migration runs, naming the version it
 * found. The schema uses PostgreSQL 17 (a generated column's expression is changed in place), so
 * an older server would otherwise fail half-way with a syntax error that tells an operator nothing.
 */
@Component
class PostgresVersionCheck implements Callback {

    static final int OLDEST_MAJOR_VERSION = 17;

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE || event == Event.BEFORE_VALIDATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            DatabaseMetaData database = context.getConnection().getMetaData();
            check(database.getDatabaseMajorVersion(), database.getDatabaseProductVersion());
        } catch (SQLException e) {
            throw new FlywayException("Could not read the PostgreSQL server's version", e);
        }
    }

    static void check(int majorVersion, String version) {
        if (majorVersion < OLDEST_MAJOR_VERSION) {
            throw new FlywayException("Engawa needs PostgreSQL " + OLDEST_MAJOR_VERSION + " or newer; the server at"
                    + " ENGAWA_DB_URL is PostgreSQL " + version + ". Upgrade it (pg_upgrade) or point ENGAWA_DB_URL at a"
                    + " newer server; nothing was changed in this database.");
        }
    }

    @Override
    public String getCallbackName() {
        return "engawa-postgres-version";
    }
}
