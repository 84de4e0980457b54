package dev.storesapi.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Asks whether a statement of another transaction would have to wait for a lock held now: it runs
 * the statement on a connection of its own with a short lock_timeout, and rolls it back. Used to
 * show that a repository's locking query locks what it must, without blocking the test's thread.
 */
public final class LockProbe {

    /** PostgreSQL's lock_not_available: the lock_timeout ran out. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private LockProbe() {
    }

    public static boolean wouldWait(DataSource database, String sql, Object... arguments) {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement settings = connection.createStatement()) {
                settings.execute("set local lock_timeout = '100ms'");
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < arguments.length; i++) {
                    statement.setObject(i + 1, arguments[i]);
                }
                statement.execute();
                return false;
            } catch (SQLException e) {
                if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    return true;
                }
                throw e;
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
