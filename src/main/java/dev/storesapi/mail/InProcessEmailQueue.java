package dev.storesapi.mail;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * Without REDIS_URL (local runs): jobs are delivered in this process, each on a virtual thread,
 * with the same claims, retries and back-off as the Redis worker. A job still in memory when the
 * process stops is published again by the outbox sweep after EMAIL_REDELIVER_AFTER.
 */
class InProcessEmailQueue implements EmailQueue, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InProcessEmailQueue.class);
    static final String REF = "in-process";

    private final EmailDelivery delivery;
    private final RetryTemplate retries;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Long> inMemory = ConcurrentHashMap.newKeySet();

    InProcessEmailQueue(EmailDelivery delivery, EmailProperties properties) {
        this.delivery = delivery;
        // The back-off of EmailProperties.retryDelayAfter. No limit here: EmailDelivery counts the
        // attempts in the database and answers DEAD after the last one.
        this.retries = new RetryTemplate(RetryPolicy.builder()
                .includes(SendFailed.class)
                .maxRetries(Long.MAX_VALUE)
                .delay(properties.retryDelay())
                .multiplier(2)
                .maxDelay(properties.maxRetryDelay())
                .build());
    }

    /** A job already in memory (the sweep publishing it again while it is retried) is not started twice. */
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

    private void deliverWithRetries(EmailJob job) {
        try {
            retries.execute(() -> deliverOnce(job));
        } catch (RetryException stopped) {
            // Interrupted in a back-off, as the process stops: the job is still due in the database.
            if (!Thread.currentThread().isInterrupted()) {
                log.error("Email job {} not retried", job.outboxId(), stopped);
            }
        }
    }

    /** One attempt; a failed send throws {@link SendFailed}, which the retry policy retries. */
    private Void deliverOnce(EmailJob job) {
        DeliveryOutcome outcome;
        try {
            outcome = delivery.attempt(job);
        } catch (RuntimeException databaseDown) {
            outcome = new DeliveryOutcome(DeliveryOutcome.Kind.RETRY, databaseDown.getMessage());
        }
        switch (outcome.kind()) {
            case SENT, SETTLED, BUSY -> {
            }
            case DEAD -> log.error("Email job {} dead: {}", job.outboxId(), outcome.reason());
            case RETRY -> {
                log.warn("Email job {} attempt failed: {}", job.outboxId(), outcome.reason());
                throw new SendFailed();
            }
        }
        return null;
    }

    private static final class SendFailed extends RuntimeException {
        SendFailed() {
            super(null, null, false, false);
        }
    }

    /** Interrupts retries waiting out their back-off: their jobs are still due in the database. */
    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
