package dev.storesapi.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Renders and sends one job, and counts what happens to jobs (Micrometer: stores.emails.*). */
@Component
public class EmailDelivery {

    private final EmailRenderer renderer;
    private final EmailSender sender;
    private final Counter sent;
    private final Counter retried;
    private final Counter deadLettered;

    EmailDelivery(EmailRenderer renderer, EmailSender sender, MeterRegistry meters) {
        this.renderer = renderer;
        this.sender = sender;
        this.sent = Counter.builder("stores.emails.sent").description("Emails accepted by the mail server")
                .register(meters);
        this.retried = Counter.builder("stores.emails.retried").description("Send attempts after a failed one")
                .register(meters);
        this.deadLettered = Counter.builder("stores.emails.dead_lettered")
                .description("Jobs given up after the last attempt").register(meters);
    }

    /**
     * Throws when the mail server did not accept the email: {@link PermanentSendFailureException}
     * when it never will (SendFailures), anything else when a later attempt may succeed.
     */
    public void deliver(EmailJob job) {
        try {
            sender.send(renderer.render(job));
        } catch (RuntimeException failed) {
            throw SendFailures.isPermanent(failed) ? new PermanentSendFailureException(failed) : failed;
        }
        sent.increment();
    }

    void countRetry() {
        retried.increment();
    }

    void countDeadLetter() {
        deadLettered.increment();
    }
}
