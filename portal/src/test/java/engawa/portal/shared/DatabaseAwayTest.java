package engawa.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** A database that is away is told apart from our own faults, however the failure is wrapped. */
class DatabaseAwayTest {

    @Test
    void a_lost_connection_is_recognised_inside_the_wrappers_it_comes_in() {
        // as seen with PostgreSQL stopped under load: a rollback that failed on a closed connection
        RuntimeException rollback = new JpaSystemException(new RuntimeException("Unable to rollback against JDBC Connection",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertThat(DatabaseAway.causes(rollback)).isTrue();
        // the same, as it really came: the pool had closed the connection, with no SQLSTATE
        assertThat(DatabaseAway.causes(new JpaSystemException(new org.hibernate.TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))))).isTrue();
        assertThat(DatabaseAway.causes(new CannotCreateTransactionException("Could not open JPA EntityManager"))).isTrue();
        assertThat(DatabaseAway.causes(new RuntimeException(new SQLTransientConnectionException("engawa - Connection is not"
                + " available, request timed out after 5000ms")))).isTrue();
        assertThat(DatabaseAway.causes(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
    }

    @Test
    void our_own_faults_and_refused_writes_are_not_the_database_being_away() {
        assertThat(DatabaseAway.causes(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseAway.causes(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseAway.causes(new SQLException("syntax error", "42601"))).isFalse();
    }
}
