package dev.storesapi.mail;

/**
 * An outbox row or stream message that can never become an email (a payload without a user id,
 * say): it is set aside at once with this reason instead of being retried, and the rest goes on.
 */
class InvalidEmailJobException extends RuntimeException {

    InvalidEmailJobException(String reason) {
        super(reason, null, false, false);
    }
}
