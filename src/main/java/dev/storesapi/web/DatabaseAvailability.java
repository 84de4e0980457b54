package dev.storesapi.web;

import dev.storesapi.error.OutageLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
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
 *
 * <p>An outage is logged when it begins and when it ends, with how many requests got 503
 * ({@link OutageLog}): its end is found by asking the pool every {@link #RECHECK_EVERY}.
 */
@Component
class DatabaseAvailability implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);
    static final String DETAIL = "The database is unavailable. Try again shortly.";
    private static final int VALIDATION_SECONDS = 2;
    private static final Duration RECHECK_EVERY = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final OutageLog outages = new OutageLog(log, "Database", "requests that need it get 503",
            "requests and scheduled tasks failed for it");
    private volatile boolean closed;

    DatabaseAvailability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A request or a scheduled task failed because the database is unreachable (see {@link #isUnreachable}). */
    void failed(String request, Throwable failure) {
        if (outages.failed(request, failure)) {
            Thread.ofVirtual().name("database-outage").start(this::awaitRecovery);
        }
    }

    private void awaitRecovery() {
        while (!closed && !answers()) {
            try {
                Thread.sleep(RECHECK_EVERY);
            } catch (InterruptedException e) {
                return;
            }
        }
        if (!closed) {
            outages.recovered();
        }
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

    @Override
    public void destroy() {
        closed = true;
    }

    /** 08: connection exception (SQL standard); 57P: PostgreSQL shutting down or refusing connections. */
    private static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }
}
