package dev.storesapi.catalog.cache;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What catalog services call in each write transaction, naming the stores whose rows they change.
 * The NOTIFY is part of the transaction, so PostgreSQL delivers it to every listening instance at
 * commit and drops it on rollback; this instance marks its own cached responses stale right after
 * the commit, before the writer's response is sent (a client reads its own writes at once).
 */
@Component
public class CatalogChanges {

    /** The PostgreSQL channel; a payload of store ids separated by commas, or {@code *} for everything. */
    public static final String CHANNEL = "catalog_changes";

    private final CatalogVersions versions;
    private final JdbcTemplate jdbc;
    private final boolean notifies;

    CatalogChanges(CatalogVersions versions, JdbcTemplate jdbc, CatalogChangeListener listener) {
        this.versions = versions;
        this.jdbc = jdbc;
        this.notifies = listener.onPostgres();
    }

    /** Rows of these stores change in the current transaction. */
    public void storesChanged(long... storeIds) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("catalog changes are announced inside the writing transaction");
        }
        if (notifies) {
            String payload = Arrays.stream(storeIds).mapToObj(Long::toString).collect(Collectors.joining(","));
            jdbc.query("select pg_notify(?, ?)", resultSet -> null, CHANNEL, payload);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                versions.storesChanged(storeIds);
            }
        });
    }
}
