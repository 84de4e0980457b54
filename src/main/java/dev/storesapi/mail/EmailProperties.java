package dev.storesapi.mail;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Email settings (docs/email.md).
 *
 * @param from            sender address (MAIL_FROM)
 * @param docsUrl         link in the email to the API docs (APP_DOCS_URL)
 * @param maxAttempts     send attempts before a job goes to the dead-letter stream
 * @param retryDelay      delay before the first retry, doubled for each further one. It is also how
 *                        long a message must sit unacknowledged before another worker takes it over;
 *                        start-up requires it to outlast one of each timeout of the transport (the
 *                        SMTP ones: 5 s to connect, 10 s to read, 10 s to write), so that a slow send
 *                        is not found busy (its database claim) at every retry.
 * @param maxRetryDelay   cap of the doubling
 * @param stream          the Redis Stream
 * @param streamMaxLength approximate cap of the stream (XADD MAXLEN ~)
 * @param workerEnabled   consume the stream in this process (APP_ROLE=worker, or EMAIL_WORKER_ENABLED)
 * @param sweepInterval   how often unpublished outbox rows are published again
 * @param sweepAfter      how old an unpublished row must be before the sweep takes it
 * @param redeliverAfter  how long a published job may stay unsent before the sweep publishes it again
 *                        (Redis may have lost it); later looks are spaced by the job's age
 * @param workerConcurrency sends one worker process runs at the same time
 * @param reclaimInterval how often a worker takes over the jobs another consumer left unacknowledged
 *                        for longer than the retry delay
 * @param streamOutageMaxWait cap of the worker's wait between reads of the stream while Redis cannot
 *                        be reached (the wait starts at 100 ms and doubles); also how long after
 *                        Redis is back the worker may take to read again
 * @param streamOutageLogInterval while Redis cannot be reached, how often the worker logs that it
 *                        still cannot read the stream (one line as the outage starts, then at most
 *                        one per interval, with the count of failed reads)
 */
@ConfigurationProperties("stores.email")
@Validated
public record EmailProperties(
        String from,
        String docsUrl,
        @NotNull Integer maxAttempts,
        @NotNull Duration retryDelay,
        @NotNull Duration maxRetryDelay,
        String stream,
        @NotNull Long streamMaxLength,
        @NotNull Boolean workerEnabled,
        @NotNull Duration sweepInterval,
        @NotNull Duration sweepAfter,
        @NotNull Duration redeliverAfter,
        @NotNull Integer workerConcurrency,
        @NotNull Duration reclaimInterval,
        @NotNull Duration streamOutageMaxWait,
        @NotNull Duration streamOutageLogInterval) {

    public EmailProperties {
        // A blank variable binds as null, which @NotNull then reports by the setting's name: the checks
        // below leave nulls to it.
        if (from.isBlank()) {
            // Render asks for MAIL_FROM once; left blank, every email would be refused and end up dead.
            throw new IllegalArgumentException("MAIL_FROM is empty: set it to a sender on your mail domain "
                    + "(Stores API <postmaster@your-domain>) or remove it");
        }
        if (docsUrl.isBlank()) {
            // An empty APP_DOCS_URL (a Render prompt left blank, say) would send emails with an empty link.
            throw new IllegalArgumentException("APP_DOCS_URL is empty: set it to the public address of the API docs "
                    + "(https://<your web service>.onrender.com/swagger-ui.html) or remove it");
        }
        if (workerConcurrency != null && (workerConcurrency < 1 || workerConcurrency > 256)) {
            throw new IllegalArgumentException("EMAIL_WORKER_CONCURRENCY must be 1 to 256, not " + workerConcurrency);
        }
        if (retryDelay != null && maxRetryDelay != null
                && (!retryDelay.isPositive() || maxRetryDelay.compareTo(retryDelay) < 0)) {
            throw new IllegalArgumentException("EMAIL_RETRY_DELAY must be positive and at most EMAIL_MAX_RETRY_DELAY, not "
                    + retryDelay + " and " + maxRetryDelay);
        }
        if (redeliverAfter != null && !redeliverAfter.isPositive()) {
            throw new IllegalArgumentException("EMAIL_REDELIVER_AFTER must be positive, not " + redeliverAfter);
        }
        // Zero would have the worker retry its reads at once, and log each failure, while Redis is down.
        if (streamOutageMaxWait != null && !streamOutageMaxWait.isPositive()) {
            throw new IllegalArgumentException("stores.email.stream-outage-max-wait must be positive, not "
                    + streamOutageMaxWait);
        }
        if (streamOutageLogInterval != null && !streamOutageLogInterval.isPositive()) {
            throw new IllegalArgumentException("stores.email.stream-outage-log-interval must be positive, not "
                    + streamOutageLogInterval);
        }
    }

    public String deadLetterStream() {
        return stream + ":dead";
    }

    public String consumerGroup() {
        return "email-workers";
    }

    /** Delay before attempt {@code attempt + 1}, after {@code attempt} failed ones: retryDelay x 2^(attempt-1), capped. */
    public Duration retryDelayAfter(long attempt) {
        long factor = 1L << Math.min(Math.max(attempt - 1, 0), 20);
        Duration delay = retryDelay.multipliedBy(factor);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
