package dev.storesapi.mail;

import dev.storesapi.error.OutageLog;
import dev.storesapi.mail.EmailOutbox.OutboxEventSaved;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves outbox rows to the queue: right after the registration commits (on another thread, so the
 * request never waits for Redis or mail), and again on a schedule for rows that need it: never
 * published (Redis was down, or the process stopped), or published more than EMAIL_REDELIVER_AFTER
 * ago, not sent, and no longer in the queue (Redis restarted empty or was flushed). Publishing
 * twice is harmless: a worker claims the send in the database before it sends.
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
    private final OutageLog queueOutages = new OutageLog(log, "Email queue",
            "email jobs wait in the outbox for the sweep", "publishes failed");

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
                String ref = queue.publish(job);
                queueOutages.recovered();
                Instant now = clock.instant();
                transactions.executeWithoutResult(status -> outbox.markPublished(job.outboxId(), now, ref,
                        now.plus(properties.redeliverAfter())));
            });
        } catch (InvalidEmailJobException invalid) {
            // The sweep sets it aside (it finds the row in the same state).
            log.error("Email job {} is invalid: {}", saved.outboxId(), invalid.getMessage());
        } catch (RuntimeException queueDown) {
            queueOutages.failed("email job " + saved.outboxId(), queueDown);
        }
    }

    /**
     * Safe with several instances. A short transaction takes the due rows (FOR UPDATE, SKIP LOCKED
     * on PostgreSQL) and moves them to their next look, so no other sweep takes them; Redis is then
     * asked with no row lock held (a slow Redis must not block the workers' claims).
     */
    @Scheduled(fixedDelayString = "${stores.email.sweep-interval}", initialDelayString = "${stores.email.sweep-interval}")
    public void sweep() {
        Instant now = clock.instant();
        Instant dueAgain = now.plus(properties.redeliverAfter());
        List<OutboxEvent> due = transactions.execute(status -> {
            List<OutboxEvent> taken = outbox.lockDue(now, PageRequest.of(0, SWEEP_BATCH));
            taken.forEach(event -> event.postpone(dueAgain));
            return taken;
        });
        int published = 0;
        int republished = 0;
        for (int i = 0; i < due.size(); i++) {
            OutboxEvent event = due.get(i);
            try {
                if (event.wasPublished() && queue.holds(event.getId(), event.getQueueRef())) {
                    continue;
                }
                EmailJob job = jobs.toJob(event);
                String ref = queue.publish(job);
                queueOutages.recovered();
                transactions.executeWithoutResult(status -> outbox.markPublished(job.outboxId(), now, ref, dueAgain));
                if (event.wasPublished()) {
                    republished++;
                } else {
                    published++;
                }
            } catch (InvalidEmailJobException invalid) {
                transactions.executeWithoutResult(status -> outbox.setAside(event.getId(), now,
                        OutboxEvent.truncated(invalid.getMessage())));
                log.error("Email job {} set aside, it can never be sent: {}", event.getId(), invalid.getMessage());
            } catch (TransientDataAccessException | DataAccessResourceFailureException queueDown) {
                queueOutages.failed("outbox sweep, which tries again in " + properties.sweepInterval(), queueDown);
                // The rows not looked at stay due, not five minutes later.
                List<Long> notLookedAt = due.subList(i, due.size()).stream().map(OutboxEvent::getId).toList();
                transactions.executeWithoutResult(status -> outbox.dueAgain(notLookedAt, now));
                break;
            } catch (RuntimeException failed) {
                // Something about this row alone: it waits until its next look, and the rows behind it go on.
                log.warn("Outbox sweep skipped email job {} until {}: {}", event.getId(), dueAgain, failed.getMessage());
            }
        }
        if (published > 0) {
            log.info("Outbox sweep published {} email jobs", published);
        }
        if (republished > 0) {
            log.warn("Outbox sweep published {} email jobs again: published over {} ago, not sent, and no longer "
                    + "in the queue (Redis lost its data?)", republished, properties.redeliverAfter());
        }
    }
}
