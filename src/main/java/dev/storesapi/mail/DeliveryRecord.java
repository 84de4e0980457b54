package dev.storesapi.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the database knows of a job's sends (docs/email.md): who holds the send, when
 * it was sent, its failed attempts and why it died. Each call is one short transaction of its own,
 * never held across a send.
 */
@Component
class DeliveryRecord {

    private final OutboxRepository outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DeliveryRecord(OutboxRepository outbox, TransactionTemplate transactions, Clock clock) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Claims the send for {@code lease} and returns which attempt this is (1 for the first), or
     * empty when the job is not this caller's to send: sent, dead, unknown, or claimed by another.
     */
    OptionalInt claim(long outboxId, Duration lease) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            if (outbox.claim(outboxId, now, now.plus(lease)) == 0) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(outbox.findById(outboxId).orElseThrow().getSendAttempts());
        });
    }

    /** Nothing is left to do for the job: it was sent, it is dead, or there is no such job. */
    boolean isSettled(long outboxId) {
        return outbox.findById(outboxId).map(event -> event.getSentAt() != null || event.getDeadAt() != null)
                .orElse(true);
    }

    void sent(long outboxId) {
        transactions.executeWithoutResult(status -> outbox.markSent(outboxId, clock.instant()));
    }

    /**
     * Attempt {@code attempt} failed: its claim is given up (unless a later attempt holds the job by
     * now); unless a worker retries it sooner, the sweep publishes it again after {@code dueIn}.
     */
    void failed(long outboxId, int attempt, String error, Duration dueIn) {
        transactions.executeWithoutResult(status -> outbox.markFailed(outboxId, attempt, OutboxEvent.truncated(error),
                clock.instant().plus(dueIn)));
    }

    /** Given up at attempt {@code attempt}, unless a later attempt holds the job by now. */
    void dead(long outboxId, int attempt, String error) {
        transactions.executeWithoutResult(status -> outbox.markDead(outboxId, attempt, clock.instant(),
                OutboxEvent.truncated(error)));
    }
}
