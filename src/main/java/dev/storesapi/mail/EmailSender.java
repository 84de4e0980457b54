package dev.storesapi.mail;

import java.time.Duration;

/** Hands a rendered email to the mail server; throws when the server did not accept it. */
public interface EmailSender {

    void send(RenderedEmail email);

    /**
     * The longest one send may take before it fails (its timeouts): a retry must wait longer, or
     * another worker could take over a send still in progress (MailConfig checks EMAIL_RETRY_DELAY).
     */
    default Duration longestSend() {
        return Duration.ZERO;
    }
}
