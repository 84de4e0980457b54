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

    /**
     * The longest a whole send may take: a claim on a job lasts twice this (EmailDelivery), so that
     * no other worker takes over a send that may still succeed. The same as {@link #longestSend()}
     * where its timeouts bound the whole send; longer where they apply per step (SMTP).
     */
    default Duration longestWholeSend() {
        return longestSend();
    }
}
