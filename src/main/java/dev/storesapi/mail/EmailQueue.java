package dev.storesapi.mail;

/** Where published jobs go: the Redis Stream "emails", or an in-process worker when there is no Redis. */
public interface EmailQueue {

    /**
     * Returns once the job is safely queued, with where it went (kept as the row's queue_ref);
     * throws when it could not be queued.
     */
    String publish(EmailJob job);
}
