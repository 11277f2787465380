package engawa.portal.shared;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database could not be reached (stopped, restarting, the network
 * gone) rather than a fault of ours: then people are told to try again, not given an incident.
 * A connection lost in the middle of a transaction reaches us wrapped in many ways (a failed
 * rollback, a JPA system exception), so the causes are looked through for what JDBC said.
 */
public final class DatabaseAway {

    private DatabaseAway() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            // a commit or rollback the connection refused (seen with the server stopped mid-transaction: the
            // pool had closed the connection, and Hibernate's "Unable to rollback" hides the first failure)
            if (t instanceof org.hibernate.TransactionException && t.getCause() instanceof SQLException) {
                return true;
            }
            // SQLSTATE class 08: connection exceptions; 57P01-57P03: the server shutting down or starting
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
