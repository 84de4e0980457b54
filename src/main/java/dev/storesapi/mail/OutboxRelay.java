package dev.storesapi.mail;

import dev.storesapi.mail.EmailOutbox.OutboxEventSaved;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves outbox rows to the queue: right after the registration commits (on another thread, so the
 * request never waits for Redis or mail), and again on a schedule for rows that could not be
 * published then (Redis was down, or the process stopped). Publishing twice is harmless: the
 * worker de-duplicates on the outbox id.
 */
@Component
@ConditionalOnWebApplication
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int SWEEP_BATCH = 100;

    private final OutboxRepository outbox;
    private final EmailOutbox jobs;
    private final EmailQueue queue;
    private final EmailProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OutboxRelay(OutboxRepository outbox, EmailOutbox jobs, EmailQueue queue, EmailProperties properties,
            TransactionTemplate transactions, Clock clock) {
        this.outbox = outbox;
        this.jobs = jobs;
        this.queue = queue;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Async
    @TransactionalEventListener
    void publishAfterCommit(OutboxEventSaved saved) {
        try {
            // No transaction around the publish: a slow Redis must not hold a database connection.
            outbox.findById(saved.outboxId()).map(jobs::toJob).ifPresent(job -> {
                queue.publish(job);
                transactions.executeWithoutResult(status -> outbox.markPublished(job.outboxId(), clock.instant()));
            });
        } catch (InvalidEmailJobException invalid) {
            // The sweep sets it aside (it finds the row in the same state).
            log.error("Email job {} is invalid: {}", saved.outboxId(), invalid.getMessage());
        } catch (RuntimeException queueDown) {
            log.warn("Email job {} not published yet ({}); the outbox sweep will retry it", saved.outboxId(),
                    queueDown.getMessage());
        }
    }

    /** Safe with several instances: each locks (and on PostgreSQL skips) the rows it publishes. */
    @Scheduled(fixedDelayString = "${stores.email.sweep-interval:30s}", initialDelayString = "${stores.email.sweep-interval:30s}")
    @Transactional
    public void sweep() {
        List<OutboxEvent> stale = outbox.lockUnpublished(clock.instant().minus(properties.sweepAfter()),
                PageRequest.of(0, SWEEP_BATCH));
        for (OutboxEvent event : stale) {
            event.countAttempt();
            try {
                publish(event);
            } catch (InvalidEmailJobException invalid) {
                event.markDead(clock.instant(), invalid.getMessage());
                log.error("Email job {} set aside, it can never be sent: {}", event.getId(), invalid.getMessage());
            } catch (RuntimeException queueDown) {
                log.warn("Outbox sweep stopped: {} ({} rows waiting)", queueDown.getMessage(), stale.size());
                return;
            }
        }
        if (!stale.isEmpty()) {
            log.info("Outbox sweep published {} email jobs", stale.size());
        }
    }

    private void publish(OutboxEvent event) {
        queue.publish(jobs.toJob(event));
        outbox.markPublished(event.getId(), clock.instant());
    }
}
