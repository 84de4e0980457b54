package dev.storesapi.mail;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The email worker's sends in flight: at most {@code limit} at a time, each on a virtual thread of its
 * own. The caller waits for a free slot, which is how the stream listener is held back.
 */
final class BoundedSends implements AutoCloseable {

    private final int limit;
    private final Semaphore slots;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    BoundedSends(int limit) {
        this.limit = limit;
        this.slots = new Semaphore(limit);
    }

    /** Waits for a free slot, then starts the send unless {@code wanted} has turned false meanwhile. */
    void start(Runnable send, BooleanSupplier wanted) {
        try {
            slots.acquire();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!wanted.getAsBoolean()) {
            slots.release();
            return;
        }
        try {
            threads.execute(() -> {
                try {
                    send.run();
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException rejected) {
            slots.release();
            throw rejected;
        }
    }

    /** Waits at most {@code wait} until no send is in progress. */
    void awaitIdle(Duration wait) {
        try {
            // Holding every slot means no send is in progress; they are free again for a restart.
            if (slots.tryAcquire(limit, wait.toMillis(), TimeUnit.MILLISECONDS)) {
                slots.release(limit);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
