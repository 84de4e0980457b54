package dev.storesapi.idempotency;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A sign-up with an Idempotency-Key holds a database connection for its whole run, the wait for a
 * password-hashing slot and the hash included, since its answer is stored in its transaction. So
 * that a flood of them cannot take the connections every other request needs, at most a quarter
 * of the pool runs at once; the others wait up to PASSWORD_HASH_WAIT for a turn and then get the
 * 503 that a sign-up without a hashing slot gets (docs/security.md "Password hashing").
 */
@Component
class SignUpTurns {

    private final Semaphore turns;
    private final Duration wait;

    SignUpTurns(@Value("${spring.datasource.hikari.maximum-pool-size}") int poolSize,
            @Value("${stores.auth.hash-wait}") Duration wait) {
        this.turns = new Semaphore(Math.max(1, poolSize / 4), true);
        this.wait = wait;
    }

    /** False when no turn came free in time. */
    boolean take() throws InterruptedException {
        return turns.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    void give() {
        turns.release();
    }
}
