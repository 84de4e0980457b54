package dev.storesapi.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Whether a failed send can succeed later (docs/email.md). Permanent: the mail
 * server refused this email for good: an SMTP 5xx reply to the message or a recipient, a Mailgun
 * 4xx other than 408 and 429, an address that cannot be parsed. Everything else is retried:
 * timeouts, refused connections, 5xx from Mailgun, SMTP 4xx, and refused credentials (SMTP 535,
 * Mailgun 401/403), which are the sender's configuration, not the email's, and must not throw away
 * every email while they are being fixed.
 */
final class SendFailures {

    private static final int MAX_REASON = 300;

    private SendFailures() {
    }

    static boolean isPermanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MailSendException send) {
                for (Exception perMessage : send.getMessageExceptions()) {
                    if (isPermanent(perMessage)) {
                        return true;
                    }
                }
            }
            int smtpReply = smtpReplyCode(cause);
            if (smtpReply >= 500) {
                return smtpReply != 535;
            }
            if (cause instanceof RestClientResponseException http) {
                int status = http.getStatusCode().value();
                return status >= 400 && status < 500 && status != 408 && status != 429 && status != 401
                        && status != 403;
            }
            if (cause instanceof AddressException || cause instanceof MailPreparationException) {
                return true;
            }
        }
        return false;
    }

    /**
     * What went wrong, in one short line for the log and for email_outbox.last_error (which admins
     * read through GET /admin/emails/dead): the mail server's own words where there are some (the
     * SMTP reply, the HTTP status and body), else the innermost message; never a stack of nested
     * exceptions or class names.
     */
    static String reason(Throwable failure) {
        Throwable told = failure;
        if (failure instanceof MailSendException send && send.getMessageExceptions().length > 0) {
            told = send.getMessageExceptions()[0];
        }
        String reason;
        if (told instanceof RestClientResponseException http) {
            reason = "HTTP " + http.getStatusCode().value() + " " + http.getResponseBodyAsString();
        } else if (told.getMessage() != null && !told.getMessage().isBlank()) {
            reason = told.getMessage();
        } else {
            Throwable root = told;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            reason = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        }
        String firstLine = reason.strip().lines().findFirst().orElse("").replaceAll("\\p{Cc}", " ").strip();
        return firstLine.length() > MAX_REASON ? firstLine.substring(0, MAX_REASON) + "..." : firstLine;
    }

    /**
     * The reply code of the SMTP server, carried by Angus Mail's SMTPSendFailedException and
     * SMTPAddressFailedException (a runtime dependency, hence not named here); -1 for others.
     */
    private static int smtpReplyCode(Throwable failure) {
        if (!(failure instanceof MessagingException)) {
            return -1;
        }
        try {
            return (int) failure.getClass().getMethod("getReturnCode").invoke(failure);
        } catch (ReflectiveOperationException | ClassCastException notAnSmtpReply) {
            return -1;
        }
    }
}
