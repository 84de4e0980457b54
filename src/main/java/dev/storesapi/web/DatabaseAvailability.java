package dev.storesapi.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;

/**
 * Tells "the database cannot be reached" (a 503 the client may retry) from other failures.
 * A lost connection surfaces in many wrappings, and the telling one is often gone: when a query
 * fails because the server went away, the pool closes the connection, the rollback then fails with
 * a bare "Connection is closed", and that rollback error replaces the original one. So a
 * database-related failure that the cause chain does not explain is settled by asking the pool for
 * a working connection (only on this error path).
 */
@Component
class DatabaseAvailability {

    static final String DETAIL = "The database is unavailable. Try again shortly.";
    private static final int VALIDATION_SECONDS = 2;

    private final DataSource dataSource;

    DatabaseAvailability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    boolean isUnreachable(Throwable failure) {
        boolean databaseRelated = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            databaseRelated |= cause instanceof SQLException
                    || cause instanceof DataAccessException
                    || cause instanceof TransactionException;
        }
        return databaseRelated && !answers();
    }

    private boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException unreachable) {
            return false;
        }
    }

    /** 08: connection exception (SQL standard); 57P: PostgreSQL shutting down or refusing connections. */
    private static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }
}
