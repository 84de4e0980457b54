package dev.storesapi.mail;

import dev.storesapi.mail.DeliveryOutcome.Kind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.OptionalInt;
import org.springframework.stereotype.Component;

/**
 * One attempt at a job, whichever queue brought it: claim the send in the database, render and
 * send, record the result (docs/email.md). Counts what happens to jobs
 * (Micrometer: stores.emails.*).
 */
@Component
public class EmailDelivery {

    private static final Duration SHORTEST_CLAIM = Duration.ofSeconds(10);

    private final EmailRenderer renderer;
    private final EmailSender sender;
    private final DeliveryRecord record;
    private final EmailProperties properties;
    private final Counter sent;
    private final Counter retried;
    private final Counter deadLettered;

    EmailDelivery(EmailRenderer renderer, EmailSender sender, DeliveryRecord record, EmailProperties properties,
            MeterRegistry meters) {
        this.renderer = renderer;
        this.sender = sender;
        this.record = record;
        this.properties = properties;
        this.sent = Counter.builder("stores.emails.sent").description("Emails accepted by the mail server")
                .register(meters);
        this.retried = Counter.builder("stores.emails.retried").description("Send attempts after a failed one")
                .register(meters);
        this.deadLettered = Counter.builder("stores.emails.dead_lettered")
                .description("Jobs given up after the last attempt").register(meters);
    }

    /**
     * Throws only when the database cannot be reached (the job is then left as it was, to be tried
     * again); every answer of the mail server is an outcome.
     */
    public DeliveryOutcome attempt(EmailJob job) {
        OptionalInt claimed = record.claim(job.outboxId(), claimLease());
        if (claimed.isEmpty()) {
            return DeliveryOutcome.of(record.isSettled(job.outboxId()) ? Kind.SETTLED : Kind.BUSY);
        }
        int attempt = claimed.getAsInt();
        if (attempt > properties.maxAttempts()) {
            // The last attempt's worker stopped before it could record anything.
            return dead(job, attempt, "not sent after " + properties.maxAttempts() + " attempts");
        }
        if (attempt > 1) {
            retried.increment();
        }
        try {
            sender.send(renderer.render(job));
        } catch (RuntimeException failed) {
            String reason = SendFailures.reason(failed);
            if (SendFailures.isPermanent(failed)) {
                return dead(job, attempt, "refused for good: " + reason);
            }
            if (attempt >= properties.maxAttempts()) {
                return dead(job, attempt, "not sent after " + attempt + " attempts: " + reason);
            }
            record.failed(job.outboxId(), attempt, reason,
                    properties.retryDelayAfter(attempt).plus(properties.redeliverAfter()));
            return new DeliveryOutcome(Kind.RETRY, reason);
        }
        // A crash right here, between the mail server's acceptance and this record, is the one way to
        // send an email twice: the claim runs out and the job is sent again.
        record.sent(job.outboxId());
        sent.increment();
        return DeliveryOutcome.of(Kind.SENT);
    }

    /**
     * How long a claim keeps other workers off a send: twice the longest a whole send may take, so
     * that a slow send is never taken over while it may still succeed (SMTP with its default
     * timeouts: 290 s; Mailgun: 18 s).
     */
    Duration claimLease() {
        Duration twiceTheLongestSend = sender.longestWholeSend().multipliedBy(2);
        return twiceTheLongestSend.compareTo(SHORTEST_CLAIM) < 0 ? SHORTEST_CLAIM : twiceTheLongestSend;
    }

    /**
     * How long after a worker read a message a send cut short by that worker's crash is sent again
     * (docs/email.md "Claims"; SMTP with its default timeouts: 450 s, Mailgun: 30 s). Not when the
     * claim runs out: workers look at a pending message only when it has been idle for the back-off
     * of its delivery count (RedisStreamWorker), and each look that finds the claim still held
     * counts as a delivery, so the send is made at the first look strictly past the claim. (At a
     * look exactly at the claim's length the claim still holds: it was taken after the read.)
     */
    Duration resendAfterCrash() {
        Duration lease = claimLease();
        Duration sinceRead = Duration.ZERO;
        for (long deliveries = 1; sinceRead.compareTo(lease) <= 0; deliveries++) {
            sinceRead = sinceRead.plus(properties.retryDelayAfter(deliveries));
        }
        return sinceRead;
    }

    /** Recorded only if this attempt's claim is still the latest: a late answer never undoes a later attempt. */
    private DeliveryOutcome dead(EmailJob job, int attempt, String reason) {
        record.dead(job.outboxId(), attempt, reason);
        countDeadLetter();
        return new DeliveryOutcome(Kind.DEAD, reason);
    }

    void countDeadLetter() {
        deadLettered.increment();
    }
}
