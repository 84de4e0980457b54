package dev.storesapi.mail;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Without REDIS_URL (local runs): jobs are delivered in this process, each on a virtual thread,
 * with the same retries and back-off as the Redis worker. A job still in memory when the process
 * stops is lost, which is why production uses Redis.
 */
class InProcessEmailQueue implements EmailQueue, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InProcessEmailQueue.class);

    private final EmailDelivery delivery;
    private final EmailProperties properties;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    InProcessEmailQueue(EmailDelivery delivery, EmailProperties properties) {
        this.delivery = delivery;
        this.properties = properties;
    }

    @Override
    public void publish(EmailJob job) {
        workers.submit(() -> deliverWithRetries(job));
    }

    private void deliverWithRetries(EmailJob job) {
        for (int attempt = 1; ; attempt++) {
            try {
                delivery.deliver(job);
                return;
            } catch (PermanentSendFailureException refused) {
                delivery.countDeadLetter();
                log.error("Email job {} dead-lettered at attempt {}: {}", job.outboxId(), attempt, refused.getMessage());
                return;
            } catch (RuntimeException failed) {
                if (attempt >= properties.maxAttempts()) {
                    delivery.countDeadLetter();
                    log.error("Email job {} dead-lettered after {} attempts: {}", job.outboxId(), attempt,
                            failed.getMessage());
                    return;
                }
                log.warn("Email job {} attempt {} failed: {}", job.outboxId(), attempt, failed.getMessage());
                delivery.countRetry();
                if (!pause(properties.retryDelayAfter(attempt))) {
                    return;
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

    @Override
    public void destroy() {
        workers.shutdown();
    }
}
