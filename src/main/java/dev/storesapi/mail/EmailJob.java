package dev.storesapi.mail;

/** One email to send, as it travels through the outbox, the stream and the worker. */
public record EmailJob(long outboxId, String type, long userId, String email, String username) {

    public static final String REGISTRATION = "registration";
}
