package dev.storesapi.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends through the SMTP server of MAIL_HOST as one multipart/alternative message: the plain
 * text first, the HTML last (clients show the last part they can display).
 * <p>
 * Jakarta Mail finds its StreamProvider with a ServiceLoader scan of the class path for every body
 * part it creates or writes (several per email): measured, an eighth of a worker's CPU. Only the
 * system property jakarta.mail.util.StreamProvider skips the scan (neither the Session nor a
 * message has a say), so it is a JVM option that docker-entrypoint.sh sets (bench/README.md).
 */
class SmtpEmailSender implements EmailSender {

    /*
     * Quoted-printable, named up front: otherwise Jakarta Mail works out an encoding for each part by
     * pushing its text through a byte-at-a-time ASCII check (a sixth of a worker's CPU). It suits
     * these mostly-ASCII texts and keeps any other character intact.
     */
    private static final String TRANSFER_ENCODING = "quoted-printable";

    /** SMTP replies one send waits for at most: greeting, EHLO, STARTTLS, EHLO, AUTH (2), MAIL, RCPT, DATA, end, QUIT. */
    private static final int REPLIES = 12;

    private final JavaMailSender mail;
    private final String from;
    private final Timeouts timeouts;

    /** The SMTP client's timeouts (mail.smtp.connectiontimeout, timeout, writetimeout). */
    record Timeouts(Duration connect, Duration read, Duration write) {
    }

    SmtpEmailSender(JavaMailSender mail, String from, Timeouts timeouts) {
        this.mail = mail;
        this.from = from;
        this.timeouts = timeouts;
    }

    /** One of each timeout: what a retry must outlast (MailConfig). */
    @Override
    public Duration longestSend() {
        return timeouts.connect().plus(timeouts.read()).plus(timeouts.write());
    }

    /** The read timeout applies to each reply and the write timeout to each write, not to the whole send. */
    @Override
    public Duration longestWholeSend() {
        return timeouts.connect().plus(timeouts.read().multipliedBy(REPLIES)).plus(timeouts.write().multipliedBy(2));
    }

    @Override
    public void send(RenderedEmail email) {
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper headers = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            headers.setFrom(from);
            headers.setTo(email.to());
            headers.setSubject(email.subject());
            // The body is built here, not with the helper's setText(text, html): that nests the
            // alternative in a multipart/related and leaves the transfer encoding to the slow guess.
            message.setContent(new MimeMultipart("alternative", part(email.text(), "plain"), part(email.html(), "html")));
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        mail.send(message);
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, StandardCharsets.UTF_8.name(), subtype);
        part.setHeader("Content-Transfer-Encoding", TRANSFER_ENCODING);
        return part;
    }
}
