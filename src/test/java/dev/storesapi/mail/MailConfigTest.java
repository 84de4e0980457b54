package dev.storesapi.mail;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/** Which sender and queue the settings select (docs/configuration.md: unset means the embedded default). */
class MailConfigTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
            .withUserConfiguration(MailConfig.class)
            .withBean(EmailDelivery.class, () -> mock(EmailDelivery.class));

    @Test
    void withoutMailHostEmailsAreLogged() {
        context.run(started -> assertThat(started.getBean(EmailSender.class)).isInstanceOf(LoggingEmailSender.class));
    }

    @Test
    void withMailHostEmailsGoThroughSmtp() {
        context.withPropertyValues("spring.mail.host=smtp.example.com")
                .run(started -> assertThat(started.getBean(EmailSender.class)).isInstanceOf(SmtpEmailSender.class));
    }

    @Test
    void withMailgunKeyAndDomainEmailsGoThroughMailgunsHttpApiEvenWithAMailHost() {
        context.withPropertyValues("stores.mailgun.api-key=key-test", "stores.mailgun.domain=mg.example.com",
                        "spring.mail.host=smtp.example.com")
                .run(started -> assertThat(started.getBean(EmailSender.class)).isInstanceOf(MailgunEmailSender.class));
    }

    @Test
    void halfAMailgunConfigurationIsRefusedAtStartUp() {
        context.withPropertyValues("stores.mailgun.api-key=key-test")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("Only one of MAILGUN_API_KEY and MAILGUN_DOMAIN is set"));
    }

    @Test
    void theRetryDelayIsComparedWithTheTimeoutsOfTheTransportInUse() {
        EmailProperties tenSeconds = new EmailProperties("from@example.com", "http://docs", 5, Duration.ofSeconds(10),
                Duration.ofMinutes(10), "emails", 1000, true, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(5), 8);
        EmailSender mailgun = new MailgunEmailSender(new MailgunProperties("key", "mg.example.com",
                "https://api.mailgun.net"), "from@example.com");
        SmtpEmailSender smtp = new SmtpEmailSender(null, "from@example.com", new SmtpEmailSender.Timeouts(
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10)));

        // SMTP's read timeout applies to each of up to a dozen replies: the bound of a whole send.
        assertThat(smtp.longestWholeSend()).isEqualTo(Duration.ofSeconds(5 + 12 * 10 + 2 * 10));
        assertThat(mailgun.longestWholeSend()).isEqualTo(Duration.ofSeconds(9));
        MailConfig.RedisQueue.requireRetryDelayLongerThanASend(tenSeconds, mailgun);
        assertThatThrownBy(() -> MailConfig.RedisQueue.requireRetryDelayLongerThanASend(tenSeconds, smtp))
                .hasMessageContaining("EMAIL_RETRY_DELAY (PT10S) is shorter than one send may take (25000 ms");
    }

    @Test
    void withoutRedisJobsAreDeliveredInProcess() {
        context.run(started -> assertThat(started.getBean(EmailQueue.class)).isInstanceOf(InProcessEmailQueue.class));
    }
}
