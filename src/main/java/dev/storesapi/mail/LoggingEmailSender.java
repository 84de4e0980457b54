package dev.storesapi.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Without MAILGUN_* or MAIL_HOST (local runs): the rendered email goes to the log instead of a mail server. */
class LoggingEmailSender implements EmailSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingEmailSender.class);

    @Override
    public void send(RenderedEmail email) {
        log.info("Neither MAILGUN_API_KEY nor MAIL_HOST is set, so this email is logged instead of sent."
                        + "\nTo: {}\nSubject: {}\n\n{}",
                email.to(), email.subject(), email.text());
    }
}
