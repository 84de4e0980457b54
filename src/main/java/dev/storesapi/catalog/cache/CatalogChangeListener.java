package dev.storesapi.catalog.cache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Hears other instances' catalog writes: one connection of its own LISTENs on
 * {@link CatalogChanges#CHANNEL} and marks the stores it is told of as changed. The cache may serve
 * only while this is known to hear: the connection proves itself with a round trip every
 * {@link #HEARTBEAT}, and a proof older than {@link #STALE_BOUND} (a dead or silent connection)
 * stops serving from the cache. Losing the connection and getting it back both drop every cached
 * response, since writes may have been missed in between. On the embedded H2 database nothing
 * listens: no other instance can open that file.
 */
@Component
class CatalogChangeListener implements SmartLifecycle {

    static final Duration HEARTBEAT = Duration.ofMillis(200);
    static final Duration STALE_BOUND = Duration.ofSeconds(1);
    private static final Duration RECONNECT_DELAY = Duration.ofMillis(500);
    private static final Logger log = LoggerFactory.getLogger(CatalogChangeListener.class);

    private final CatalogVersions versions;
    private final String url;
    private final String username;
    private final String password;
    private final boolean enabled;

    private volatile boolean running;
    private volatile boolean proven; // heardUpTo holds a proof of the current connection
    private volatile long heardUpTo; // System.nanoTime() when the last proof was sent
    private volatile Connection connection;
    private volatile int backendPid;
    private Thread thread;
    private boolean lost; // logged once per outage (the listening thread's own)

    CatalogChangeListener(CatalogVersions versions, DataSourceProperties dataSource, CatalogCacheProperties properties,
            Environment environment) {
        this.versions = versions;
        this.url = properties.listenUrl().isBlank() ? dataSource.determineUrl() : properties.listenUrl();
        this.username = dataSource.determineUsername();
        this.password = dataSource.determinePassword();
        // The email worker serves no HTTP, so it has nothing cached to keep fresh.
        this.enabled = properties.caching()
                && !"none".equalsIgnoreCase(environment.getProperty("spring.main.web-application-type"));
    }

    boolean onPostgres() {
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    /** Whether every write committed more than a moment ago has been heard of. */
    boolean hearing() {
        return !onPostgres() || running && proven && System.nanoTime() - heardUpTo < STALE_BOUND.toNanos();
    }

    /** The PostgreSQL backend process of the listening connection (0 while there is none), for tests. */
    int backendPid() {
        return backendPid;
    }

    @Override
    public void start() {
        running = true;
        if (enabled && onPostgres()) {
            thread = Thread.ofPlatform().daemon().name("catalog-listener").start(this::listenUntilStopped);
        }
    }

    @Override
    public void stop() {
        running = false;
        proven = false;
        closeQuietly(connection);
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(STALE_BOUND.toMillis());
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenUntilStopped() {
        while (running) {
            try (Connection listening = connect()) {
                connection = listening;
                listen(listening);
            } catch (SQLException | RuntimeException failure) {
                if (!running) {
                    return;
                }
                proven = false;
                versions.allChanged();
                if (!lost) {
                    log.warn("Catalog change channel lost ({}, SQL state {}); catalog reads bypass the cache until it is back",
                            failure.getClass().getSimpleName(), failure instanceof SQLException sql ? sql.getSQLState() : "-");
                    lost = true;
                }
            } finally {
                connection = null;
                backendPid = 0;
            }
            pause(RECONNECT_DELAY);
        }
    }

    private void listen(Connection listening) throws SQLException {
        PGConnection postgres = listening.unwrap(PGConnection.class);
        try (Statement statement = listening.createStatement()) {
            statement.execute("LISTEN " + CatalogChanges.CHANNEL);
        }
        backendPid = postgres.getBackendPID();
        versions.allChanged(); // whatever was cached before this connection may have missed writes
        log.info("Listening for catalog changes of other instances");
        lost = false;
        while (running) {
            heard(postgres.getNotifications((int) HEARTBEAT.toMillis()));
            long sent = System.nanoTime();
            try (Statement statement = listening.createStatement()) {
                statement.execute("SELECT 1");
            }
            // Notifications of writes committed before the query was sent have arrived with its answer;
            // later ones may still be on their way, so the proof dates from the sending.
            heard(postgres.getNotifications());
            heardUpTo = sent;
            proven = true;
        }
    }

    private void heard(PGNotification[] notifications) {
        if (notifications == null) {
            return;
        }
        for (PGNotification notification : notifications) {
            String payload = notification.getParameter();
            try {
                versions.storesChanged(Arrays.stream(payload.split(",")).mapToLong(Long::parseLong).toArray());
            } catch (NumberFormatException everything) {
                versions.allChanged(); // "*", or a payload written by hand: drop everything
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "stores-api catalog listener");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "5");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url, properties);
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing on the way out
            }
        }
    }
}
