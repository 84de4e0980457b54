package dev.storesapi.mail;

/** One email to send, as it travels through the outbox, the stream and the worker: the registration email. */
public record EmailJob(long outboxId, long userId, String email, String username) {

    /** The job_type of its outbox row, listed by GET /admin/emails/dead. */
    public static final String REGISTRATION = "registration";
}
