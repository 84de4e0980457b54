package dev.storesapi.mail;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.DefaultHealthContributorRegistry;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/** Which sender and queue the settings select (docs/configuration.md: unset means the embedded default). */
class MailConfigTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            // application.yml holds the settings' defaults (docs/configuration.md "Where settings live").
            .withInitializer(new ConfigDataApplicationContextInitializer())
            // Spring Boot's Redis beans exist in every configuration (Lettuce connects on first use).
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class, DataRedisAutoConfiguration.class))
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
                Duration.ofMinutes(10), "emails", 1000L, true, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(5), 8, Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofMinutes(1));
        EmailSender mailgun = new MailgunEmailSender(new MailgunProperties("key", "mg.example.com",
                "https://api.mailgun.net"), "from@example.com");
        SmtpEmailSender smtp = new SmtpEmailSender(null, "from@example.com", new SmtpEmailSender.Timeouts(
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10)));

        // SMTP's read timeout applies to each of up to a dozen replies: the bound of a whole send.
        assertThat(smtp.longestWholeSend()).isEqualTo(Duration.ofSeconds(5 + 12 * 10 + 2 * 10));
        assertThat(mailgun.longestWholeSend()).isEqualTo(Duration.ofSeconds(9));
        MailConfig.requireRetryDelayLongerThanASend(tenSeconds, mailgun);
        assertThatThrownBy(() -> MailConfig.requireRetryDelayLongerThanASend(tenSeconds, smtp))
                .hasMessageContaining("EMAIL_RETRY_DELAY (PT10S) is shorter than one send may take (25000 ms");
    }

    /** The free Render route (a web service sending its own email) and the paid one share one set of AOT bean definitions. */
    @Test
    void withRedisTheWorkerIsDefinedEverywhereButStartsAndReportsHealthOnlyWhereEnabled() {
        withRedis().withPropertyValues("stores.email.worker-enabled=false").run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(EmailQueue.class)).isInstanceOf(RedisEmailQueue.class);
            RedisStreamWorker worker = started.getBean(RedisStreamWorker.class);
            assertThat(worker.isAutoStartup()).isFalse();
            assertThat(worker.isRunning()).isFalse();
            assertThat(started.getBean(HealthContributorRegistry.class).getContributor("emailQueue")).isNull();
        });
    }

    /** Redis not up yet (a first deploy on Render) must not keep a web service that sends its own email from starting. */
    @Test
    void whereEnabledTheWorkerStartsWithRedisDownAndReportsItsHealth() {
        withRedis().withPropertyValues("stores.email.worker-enabled=true").run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(RedisStreamWorker.class).isRunning()).isTrue();
            HealthIndicator emailQueue = (HealthIndicator) started.getBean(HealthContributorRegistry.class)
                    .getContributor("emailQueue");
            assertThat(emailQueue.health().getStatus()).isEqualTo(Status.DOWN);
        });
    }

    @Test
    void theRetryDelayIsCheckedOnlyWhereTheStreamIsConsumed() {
        ApplicationContextRunner mailgunWithAShortDelay = withRedis().withPropertyValues("stores.mailgun.api-key=key-test",
                "stores.mailgun.domain=mg.example.com", "stores.email.retry-delay=1s");
        mailgunWithAShortDelay.withPropertyValues("stores.email.worker-enabled=false")
                .run(started -> assertThat(started).hasNotFailed());
        mailgunWithAShortDelay.withPropertyValues("stores.email.worker-enabled=true")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("EMAIL_RETRY_DELAY (PT1S) is shorter than one send may take"));
    }

    /** Lettuce connects on first use: nothing here uses Redis, so none runs. */
    private ApplicationContextRunner withRedis() {
        return context.withBean(HealthContributorRegistry.class, DefaultHealthContributorRegistry::new)
                .withPropertyValues("spring.data.redis.url=redis://127.0.0.1:1");
    }

    @Test
    void withoutRedisJobsAreDeliveredInProcess() {
        context.run(started -> assertThat(started.getBean(EmailQueue.class)).isInstanceOf(InProcessEmailQueue.class));
    }

    /** As in the image, whose Spring AOT bean definitions include the stream worker for every configuration. */
    @Test
    void withoutRedisTheWorkerNeverStartsEvenWhereEnabled() {
        context.withBean(HealthContributorRegistry.class, DefaultHealthContributorRegistry::new)
                .withPropertyValues("stores.email.worker-enabled=true").run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started.getBean(EmailQueue.class)).isInstanceOf(InProcessEmailQueue.class);
                    assertThat(started.getBean(RedisStreamWorker.class).isRunning()).isFalse();
                    assertThat(started.getBean(HealthContributorRegistry.class).getContributor("emailQueue")).isNull();
                });
    }

    /** As in the image, whose Spring AOT bean definitions include Spring Boot's JavaMailSender for every configuration. */
    @Test
    void aJavaMailSenderWithoutMailHostIsNotUsed() {
        context.withBean(JavaMailSender.class, JavaMailSenderImpl::new)
                .run(started -> assertThat(started.getBean(EmailSender.class)).isInstanceOf(LoggingEmailSender.class));
    }
}
