package dev.storesapi.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends through the SMTP server of MAIL_HOST as one multipart/alternative message: the plain
 * text first, the HTML last (clients show the last part they can display).
 */
class SmtpEmailSender implements EmailSender {

    private final JavaMailSender mail;
    private final String from;
    private final Duration longestSend;

    SmtpEmailSender(JavaMailSender mail, String from, Duration longestSend) {
        this.mail = mail;
        this.from = from;
        this.longestSend = longestSend;
    }

    @Override
    public Duration longestSend() {
        return longestSend;
    }

    @Override
    public void send(RenderedEmail email) {
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
            message.setContent(new MimeMultipart("alternative", text, html));
            message.setFrom(new InternetAddress(from));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(email.to()));
            message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        mail.send(message);
    }
}
