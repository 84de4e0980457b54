package dev.storesapi.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Without MAIL_HOST (local runs): the rendered email goes to the log instead of a mail server. */
class LoggingEmailSender implements EmailSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingEmailSender.class);

    @Override
    public void send(RenderedEmail email) {
        log.info("MAIL_HOST is not set, so this email is logged instead of sent.\nTo: {}\nSubject: {}\n\n{}",
                email.to(), email.subject(), email.text());
    }
}
