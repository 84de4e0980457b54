package dev.storesapi.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.awaitility.Awaitility.await;

/**
 * A PostgreSQL transaction of the test's own, held open: the rows it inserted or deleted stay locked
 * until {@link #commit()}, so a request that needs them waits. How a test makes a race come out the
 * same way every time: a store deleted between a service's check and its insert, a name taken by a
 * create that commits while the service's insert waits for it.
 */
public final class HeldTransaction implements AutoCloseable {

    private final Connection connection;
    private final JdbcTemplate observer;
    private final int backend;
    private boolean open = true;

    private HeldTransaction(Connection connection, DataSource database) throws SQLException {
        this.connection = connection;
        this.observer = new JdbcTemplate(database);
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement("select pg_backend_pid()");
                ResultSet result = statement.executeQuery()) {
            result.next();
            this.backend = result.getInt(1);
        }
    }

    public static HeldTransaction begin(DataSource database) {
        try {
            return new HeldTransaction(database.getConnection(), database);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void update(String sql, Object... arguments) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until another session waits for a lock of this transaction. Asked on a connection of
     * its own: inside a transaction PostgreSQL shows the same pg_stat_activity snapshot throughout.
     */
    public void awaitWaiter() {
        awaitWaiters(1);
    }

    /**
     * Waits until {@code count} other sessions wait, for a lock of this transaction or, queued
     * behind another waiter for the same row, for that waiter's.
     */
    public void awaitWaiters(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> observer.queryForObject(
                "select count(*) from pg_stat_activity where cardinality(pg_blocking_pids(pid)) > 0 and (? = any(pg_blocking_pids(pid)) "
                        + "or pg_blocking_pids(pid) && array(select pid from pg_stat_activity where ? = any(pg_blocking_pids(pid))))",
                Integer.class, backend, backend) >= count);
    }

    public void commit() {
        try {
            connection.commit();
            open = false;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try (connection) {
            if (open) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
