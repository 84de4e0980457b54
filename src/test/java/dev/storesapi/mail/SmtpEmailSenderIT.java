package dev.storesapi.mail;

import dev.storesapi.support.TestMail;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One email through {@link SmtpEmailSender} to a real SMTP server (GreenMail): its shape, every part
 * named quoted-printable UTF-8 up front, and no JVM-wide setting left behind by the sender.
 */
class SmtpEmailSenderIT {

    /** Read by Jakarta Mail from system properties only: docker-entrypoint.sh sets it, not the application. */
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    @Test
    void sendsPlainTextThenHtmlEachQuotedPrintableUtf8AndSetsNoSystemProperty() throws Exception {
        String to = "smtp-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(TestMail.port());
        SmtpEmailSender sender = new SmtpEmailSender(mail, "Stores API <no-reply@example.com>",
                new SmtpEmailSender.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)));

        sender.send(new RenderedEmail(to, "Successfully signed up", "Hello José, 👩‍💻",
                "<p>Hello José, 👩‍💻</p>"));

        List<MimeMessage> received = TestMail.messagesTo(to);
        assertThat(received).hasSize(1);
        MimeMultipart alternative = (MimeMultipart) received.getFirst().getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getCount()).isEqualTo(2);
        MimeBodyPart text = (MimeBodyPart) alternative.getBodyPart(0);
        MimeBodyPart html = (MimeBodyPart) alternative.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        assertThat(text.getEncoding()).isEqualTo("quoted-printable");
        assertThat(html.getEncoding()).isEqualTo("quoted-printable");
        assertThat(text.getContent()).isEqualTo("Hello José, 👩‍💻");
        assertThat(html.getContent()).isEqualTo("<p>Hello José, 👩‍💻</p>");
        assertThat(System.getProperty(STREAM_PROVIDER)).as("set by the application").isNull();
    }
}
