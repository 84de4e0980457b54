package dev.storesapi.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failed sends are given up at once and which are retried, for both transports. */
class SendFailuresTest {

    @Test
    void smtpFiveHundredRepliesToTheMessageOrARecipientArePermanent() throws AddressException {
        assertThat(SendFailures.isPermanent(smtpRecipient(550, "550 5.1.1 User unknown"))).isTrue();
        assertThat(SendFailures.isPermanent(new SMTPSendFailedException("DATA", 554, "554 5.7.1 Rejected", null,
                null, null, null))).isTrue();
    }

    @Test
    void smtpFourHundredRepliesAndRefusedCredentialsAreRetried() throws AddressException {
        assertThat(SendFailures.isPermanent(smtpRecipient(451, "451 4.3.0 Try again later"))).isFalse();
        assertThat(SendFailures.isPermanent(new SMTPSendFailedException("AUTH", 535, "535 5.7.8 Bad credentials",
                null, null, null, null))).isFalse();
        assertThat(SendFailures.isPermanent(new MailAuthenticationException("535 bad credentials"))).isFalse();
    }

    @Test
    void springsMailSendExceptionIsLookedIntoPerMessage() throws AddressException {
        MailSendException wrapped = new MailSendException(Map.of(new Object(), smtpRecipient(550, "550 no such user")));

        assertThat(SendFailures.isPermanent(wrapped)).isTrue();
    }

    @Test
    void mailgunFourHundredsArePermanentExceptTimeoutThrottlingAndCredentials() {
        assertThat(SendFailures.isPermanent(HttpClientErrorException.create(HttpStatus.BAD_REQUEST, "Bad Request",
                null, null, null))).isTrue();
        assertThat(SendFailures.isPermanent(HttpClientErrorException.create(HttpStatus.NOT_FOUND, "Not Found",
                null, null, null))).isTrue();
        for (HttpStatus retried : new HttpStatus[] {HttpStatus.REQUEST_TIMEOUT, HttpStatus.TOO_MANY_REQUESTS,
                HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN}) {
            assertThat(SendFailures.isPermanent(HttpClientErrorException.create(retried, retried.name(), null, null,
                    null))).as(retried.name()).isFalse();
        }
    }

    @Test
    void serverErrorsTimeoutsAndNoConnectionAreRetried() {
        assertThat(SendFailures.isPermanent(HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE,
                "Unavailable", null, null, null))).isFalse();
        assertThat(SendFailures.isPermanent(new ResourceAccessException("timed out", new SocketTimeoutException())))
                .isFalse();
        assertThat(SendFailures.isPermanent(new IllegalStateException("Connection refused"))).isFalse();
    }

    @Test
    void theReasonKeptIsTheServersAnswerOnOneLineWithoutNestedExceptions() throws AddressException {
        MessagingException connectFailed = new MessagingException("Couldn't connect to host, port: 127.0.0.1, 2525; "
                + "timeout 500;\n  nested exception is:\n\tjava.net.ConnectException: Connection refused");
        // As JavaMailSenderImpl reports it.
        MailSendException noConnection = new MailSendException("Mail server connection failed", connectFailed,
                Map.of(new Object(), connectFailed));
        MailSendException refused = new MailSendException(Map.of(new Object(), smtpRecipient(550, "550 5.1.1 User unknown")));

        assertThat(SendFailures.reason(noConnection)).isEqualTo("Couldn't connect to host, port: 127.0.0.1, 2525; timeout 500;");
        assertThat(SendFailures.reason(refused)).isEqualTo("550 5.1.1 User unknown");
        assertThat(SendFailures.reason(HttpClientErrorException.create(HttpStatus.BAD_REQUEST, "Bad Request", null,
                "{\"message\": \"'to' parameter is not a valid address\"}".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8))).isEqualTo("HTTP 400 {\"message\": \"'to' parameter is not a valid address\"}");
        assertThat(SendFailures.reason(new IllegalStateException("a\u0007b" + "x".repeat(400))))
                .startsWith("a b").hasSize(303).endsWith("...");
        assertThat(SendFailures.reason(new ResourceAccessException("I/O error", new SocketTimeoutException())))
                .isEqualTo("I/O error");
    }

    private static SMTPAddressFailedException smtpRecipient(int code, String reply) throws AddressException {
        return new SMTPAddressFailedException(new InternetAddress("jose@example.com"), "RCPT TO", code, reply);
    }
}
