package dev.storesapi.auth;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Lets at most a fixed number of password hashes run at once (PasswordConfig: one per CPU, fewer
 * when the heap is small); the others wait their turn for a short while, then give up with
 * {@link PasswordHashingBusyException} (503 + Retry-After). An Argon2id hash holds its memory and a
 * CPU for tens of milliseconds: running more at once makes none of them faster, and an unbounded
 * queue would let a login flood hold every request thread (docs/security.md).
 * <p>
 * The hashes run on platform threads of their own. Requests run on virtual threads, which share
 * one carrier thread per CPU: a hash computed there would keep its carrier for the whole hash, so
 * a few concurrent sign-ins would leave no carrier for anything else, catalog reads included. On
 * platform threads the operating system shares the CPUs between hashing and serving.
 * <p>
 * AutoCloseable, so that Spring closes it with the context (as it closes any AutoCloseable bean,
 * whatever type its {@code @Bean} method declares): its threads end with the application context,
 * not only with the JVM (tests and devtools restarts start several contexts in one JVM).
 */
final class ConcurrencyLimitedPasswordEncoder implements PasswordEncoder, AutoCloseable {

    private final PasswordEncoder delegate;
    private final Semaphore permits;
    private final long maxWaitNanos;
    /** As many threads as permits: a task that holds a permit never waits for a thread. */
    private final ExecutorService hashers;

    ConcurrencyLimitedPasswordEncoder(PasswordEncoder delegate, int concurrentHashes, Duration maxWait) {
        this.delegate = delegate;
        this.permits = new Semaphore(concurrentHashes, true);
        this.maxWaitNanos = maxWait.toNanos();
        this.hashers = Executors.newFixedThreadPool(concurrentHashes,
                Thread.ofPlatform().name("password-hash-", 1).daemon().factory());
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return withPermit(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return withPermit(() -> delegate.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    /**
     * Hashes already started finish; their threads then end. Called when the context closes, after
     * the graceful shutdown has let requests finish: nothing hashes afterwards.
     */
    @Override
    public void close() {
        hashers.shutdown();
    }

    private <T> T withPermit(Callable<T> hashing) {
        try {
            if (!permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                throw new PasswordHashingBusyException();
            }
            // The permit goes back when the hash is done, not when the caller stops waiting (an
            // interrupted caller must not let a second hash start beside the first).
            return hashers.submit(() -> {
                try {
                    return hashing.call();
                } finally {
                    permits.release();
                }
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PasswordHashingBusyException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
