package dev.storesapi.mail;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Without REDIS_URL (local runs): jobs are delivered in this process, each on a virtual thread,
 * with the same claims, retries and back-off as the Redis worker. A job still in memory when the
 * process stops is published again by the outbox sweep after EMAIL_REDELIVER_AFTER.
 */
class InProcessEmailQueue implements EmailQueue, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InProcessEmailQueue.class);
    static final String REF = "in-process";

    private final EmailDelivery delivery;
    private final EmailProperties properties;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Long> inMemory = ConcurrentHashMap.newKeySet();

    InProcessEmailQueue(EmailDelivery delivery, EmailProperties properties) {
        this.delivery = delivery;
        this.properties = properties;
    }

    @Override
    public String publish(EmailJob job) {
        if (inMemory.add(job.outboxId())) {
            workers.submit(() -> {
                try {
                    deliverWithRetries(job);
                } finally {
                    inMemory.remove(job.outboxId());
                }
            });
        }
        return REF;
    }

    @Override
    public boolean holds(long outboxId, String ref) {
        return inMemory.contains(outboxId);
    }

    private void deliverWithRetries(EmailJob job) {
        for (int round = 1; ; round++) {
            DeliveryOutcome outcome;
            try {
                outcome = delivery.attempt(job);
            } catch (RuntimeException databaseDown) {
                outcome = new DeliveryOutcome(DeliveryOutcome.Kind.RETRY, databaseDown.getMessage());
            }
            switch (outcome.kind()) {
                case SENT, SETTLED, BUSY -> {
                    return;
                }
                case DEAD -> {
                    log.error("Email job {} dead: {}", job.outboxId(), outcome.reason());
                    return;
                }
                case RETRY -> {
                    log.warn("Email job {} attempt failed: {}", job.outboxId(), outcome.reason());
                    if (!pause(properties.retryDelayAfter(round))) {
                        return;
                    }
                }
            }
        }
    }

    private static boolean pause(Duration delay) {
        try {
            Thread.sleep(delay);
            return true;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Interrupts retries waiting out their back-off: their jobs are still due in the database. */
    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
