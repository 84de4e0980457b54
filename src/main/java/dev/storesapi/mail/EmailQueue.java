package dev.storesapi.mail;

/** Where published jobs go: the Redis Stream "emails", or an in-process worker when there is no Redis. */
public interface EmailQueue {

    /**
     * Returns once the job is safely queued, with where it went (kept as the row's queue_ref);
     * throws when it could not be queued.
     */
    String publish(EmailJob job);

    /**
     * Whether the job published as {@code ref} is still in the queue, waiting or being retried:
     * then it needs no second publish. False when the queue lost it (Redis restarted empty or was
     * flushed, the process stopped).
     */
    boolean holds(long outboxId, String ref);
}
