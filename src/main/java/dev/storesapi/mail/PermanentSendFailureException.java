package dev.storesapi.mail;

/** The mail server refused an email for good (SendFailures): it is dead-lettered at once, not retried. */
class PermanentSendFailureException extends RuntimeException {

    PermanentSendFailureException(Throwable cause) {
        super("refused for good: " + cause.getMessage(), cause);
    }
}
