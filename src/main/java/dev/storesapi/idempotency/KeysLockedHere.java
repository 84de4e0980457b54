package dev.storesapi.idempotency;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The keys in use on this instance, for the embedded database, which has no advisory locks and
 * serves one process: like PostgreSQL's transaction-level advisory lock, a key is held until the
 * transaction that took it ends.
 */
final class KeysLockedHere {

    private final Set<String> held = ConcurrentHashMap.newKeySet();

    /** In a transaction: false when another transaction holds the name. */
    boolean tryLock(String name) {
        if (!held.add(name)) {
            return false;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                held.remove(name);
            }
        });
        return true;
    }
}
