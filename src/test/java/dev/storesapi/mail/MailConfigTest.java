package dev.storesapi.mail;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** Which sender and queue the settings select (contract §6: unset means the embedded default). */
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
    void withoutRedisJobsAreDeliveredInProcess() {
        context.run(started -> assertThat(started.getBean(EmailQueue.class)).isInstanceOf(InProcessEmailQueue.class));
    }
}
