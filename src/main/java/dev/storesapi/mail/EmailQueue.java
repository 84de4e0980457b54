package dev.storesapi.mail;

/** Where published jobs go: the Redis Stream "emails", or an in-process worker when there is no Redis. */
public interface EmailQueue {

    /** Returns once the job is safely queued (or, in process, handled); throws when it could not be. */
    void publish(EmailJob job);
}
