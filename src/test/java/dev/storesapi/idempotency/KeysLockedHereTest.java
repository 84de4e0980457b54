package dev.storesapi.idempotency;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import static org.assertj.core.api.Assertions.assertThat;

class KeysLockedHereTest {

    private final KeysLockedHere locks = new KeysLockedHere();

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aKeyIsHeldUntilTheTransactionThatTookItEnds() {
        TransactionSynchronizationManager.initSynchronization();
        assertThat(locks.tryLock("user:1\nk")).isTrue();

        assertThat(inAnotherTransaction("user:1\nk")).isFalse();
        assertThat(inAnotherTransaction("user:2\nk")).isTrue();

        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(inAnotherTransaction("user:1\nk")).isTrue();
    }

    /** Takes the name in a transaction of another thread, which then ends (and lets it go). */
    private boolean inAnotherTransaction(String name) {
        return CompletableFuture.supplyAsync(() -> {
            TransactionSynchronizationManager.initSynchronization();
            try {
                boolean locked = locks.tryLock(name);
                TransactionSynchronizationUtils.invokeAfterCompletion(
                        TransactionSynchronizationManager.getSynchronizations(), TransactionSynchronization.STATUS_COMMITTED);
                return locked;
            } finally {
                TransactionSynchronizationManager.clearSynchronization();
            }
        }).join();
    }
}
