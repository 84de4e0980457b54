package dev.storesapi.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the application at the test JVM's shared servers before the context starts: PostgreSQL,
 * Redis (with this process consuming the email stream) and GreenMail, with short email retry delays.
 */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + TestPostgres.jdbcUrl(),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres",
                // What REDIS_URL and MAIL_HOST map to: initializers run after that mapping.
                "spring.data.redis.url=" + TestRedis.url(),
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + TestMail.port(),
                "EMAIL_WORKER_ENABLED=true",
                // A retry must wait longer than one send can take (the SMTP timeouts below).
                "EMAIL_RETRY_DELAY=1500ms",
                "EMAIL_MAX_RETRY_DELAY=3s",
                "EMAIL_MAX_ATTEMPTS=3",
                "EMAIL_SWEEP_INTERVAL=300ms",
                "EMAIL_SWEEP_AFTER=1s",
                "stores.email.reclaim-interval=200ms",
                // Reading resumes soon after a test's Redis outage (the default cap is 10 s).
                "stores.email.stream-outage-max-wait=500ms",
                // Together no longer than EMAIL_RETRY_DELAY (MailConfig refuses that). Most of it for
                // GreenMail's answers: on two loaded cores a reply can take over 500 ms, and a send that
                // times out after GreenMail took the message is sent again (TwoWorkersIT would see two).
                "spring.mail.properties.mail.smtp.connectiontimeout=250",
                "spring.mail.properties.mail.smtp.timeout=1000",
                "spring.mail.properties.mail.smtp.writetimeout=250"
        ).applyTo(context.getEnvironment());
    }
}
