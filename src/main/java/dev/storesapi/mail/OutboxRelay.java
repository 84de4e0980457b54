package dev.storesapi.mail;

import dev.storesapi.error.OutageLog;
import dev.storesapi.mail.EmailOutbox.OutboxEventSaved;
import java.time.Clock;
import java.time.Duration;
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
 * published (Redis was down, or the process stopped), or published and still not sent at their
 * next look ({@link #nextLook}). The queue is not asked whether it still holds the job (Redis may
 * have restarted empty or been flushed): publishing twice is harmless, because a worker claims the
 * send in the database before it sends.
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
     * on PostgreSQL) and moves them to their next look, so no other sweep takes them; they are then
     * published with no row lock held (a slow Redis must not block the workers' claims).
     */
    @Scheduled(fixedDelayString = "${stores.email.sweep-interval}", initialDelayString = "${stores.email.sweep-interval}")
    public void sweep() {
        Instant now = clock.instant();
        List<OutboxEvent> due = transactions.execute(status -> {
            List<OutboxEvent> taken = outbox.lockDue(now, PageRequest.of(0, SWEEP_BATCH));
            taken.forEach(event -> event.postpone(nextLook(event.getPublishedAt(), now, properties.redeliverAfter())));
            return taken;
        });
        int published = 0;
        int republished = 0;
        for (int i = 0; i < due.size(); i++) {
            OutboxEvent event = due.get(i);
            // Its next look, set when the sweep took it.
            Instant dueAgain = event.getDueAt();
            try {
                EmailJob job = jobs.toJob(event);
                String ref = queue.publish(job);
                queueOutages.recovered();
                transactions.executeWithoutResult(status -> outbox.markPublished(job.outboxId(), now, ref, dueAgain));
                if (event.getPublishedAt() != null) {
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
            log.warn("Outbox sweep published {} email jobs again: published over {} ago and not sent yet (no worker "
                    + "running, or Redis lost its data?)", republished, properties.redeliverAfter());
        }
    }

    /**
     * When the sweep looks again at a job published at {@code firstPublished} (null: never) and not
     * sent by {@code now}: after EMAIL_REDELIVER_AFTER, or after as long as the job has waited
     * since its first publish, whichever is later. A job lost with Redis' data is so published again
     * within as long again as it had waited, and one that nobody reads (no worker running) is
     * published about log2(its age / EMAIL_REDELIVER_AFTER) + 2 times, not once every
     * EMAIL_REDELIVER_AFTER: with the defaults, 5 copies in an hour, 9 in a day.
     */
    static Instant nextLook(Instant firstPublished, Instant now, Duration redeliverAfter) {
        Duration waited = firstPublished == null ? Duration.ZERO : Duration.between(firstPublished, now);
        return now.plus(waited.compareTo(redeliverAfter) > 0 ? waited : redeliverAfter);
    }
}
