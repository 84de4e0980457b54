package dev.storesapi.mail;

import dev.storesapi.error.InvalidConfigurationException;
import dev.storesapi.redis.RedisSettings;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Chooses how emails travel: through Redis when REDIS_URL is set (the stream, consumed by
 * workers), else in this process; and how they leave: Mailgun's HTTP API when MAILGUN_API_KEY and
 * MAILGUN_DOMAIN are set, else SMTP when MAIL_HOST is set, else the log. Start-up says which.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EmailProperties.class, MailgunProperties.class})
class MailConfig {

    private static final Logger log = LoggerFactory.getLogger(MailConfig.class);

    @Bean
    EmailSender emailSender(ObjectProvider<JavaMailSender> mail, EmailProperties properties,
            MailgunProperties mailgun, Environment environment) {
        if (mailgun.halfConfigured()) {
            throw new InvalidConfigurationException("Only one of MAILGUN_API_KEY and MAILGUN_DOMAIN is set.",
                    "Set both to send through Mailgun's HTTP API, or neither.");
        }
        if (mailgun.configured()) {
            log.info("Emails are sent through Mailgun's HTTP API ({}, domain {})", mailgun.apiBase(), mailgun.domain());
            return new MailgunEmailSender(mailgun, properties.from());
        }
        JavaMailSender smtp = mail.getIfAvailable();
        if (smtp != null) {
            log.info("Emails are sent over SMTP (MAIL_HOST)");
            return new SmtpEmailSender(smtp, properties.from(), smtpTimeouts(environment));
        }
        log.info("Neither MAILGUN_API_KEY nor MAIL_HOST is set: emails are logged, not sent");
        return new LoggingEmailSender();
    }

    static SmtpEmailSender.Timeouts smtpTimeouts(Environment environment) {
        return new SmtpEmailSender.Timeouts(smtpTimeout(environment, "connectiontimeout"),
                smtpTimeout(environment, "timeout"), smtpTimeout(environment, "writetimeout"));
    }

    private static Duration smtpTimeout(Environment environment, String name) {
        return Duration.ofMillis(environment.getProperty("spring.mail.properties.mail.smtp." + name, Long.class, 0L));
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(RedisSettings.Present.class)
    static class RedisQueue {

        @Bean
        EmailQueue redisEmailQueue(StringRedisTemplate redis, EmailProperties properties) {
            return new RedisEmailQueue(redis, properties);
        }

        /**
         * Present wherever Redis is, started only where the stream is consumed (APP_ROLE=worker or
         * EMAIL_WORKER_ENABLED): a decision at run time, not a condition, so that the bean definitions
         * Spring AOT generates at build time fit the web service with and without its own worker
         * (docs/deploy.md "Spring AOT").
         */
        @Bean
        RedisStreamWorker redisStreamWorker(StringRedisTemplate redis, RedisConnectionFactory connections,
                EmailDelivery delivery, EmailProperties properties, EmailSender sender) {
            if (properties.workerEnabled()) {
                requireRetryDelayLongerThanASend(properties, sender);
            }
            return new RedisStreamWorker(redis, connections, delivery, properties);
        }

        /**
         * A shorter delay would let a second worker take over a send still in progress: a duplicate
         * email. Compared with the timeouts of the transport in use (SMTP's add up to 25 s, Mailgun's to 9 s).
         */
        static void requireRetryDelayLongerThanASend(EmailProperties properties, EmailSender sender) {
            long longestSendMillis = sender.longestSend().toMillis();
            if (properties.retryDelay().toMillis() < longestSendMillis) {
                throw new InvalidConfigurationException("EMAIL_RETRY_DELAY (" + properties.retryDelay()
                        + ") is shorter than one send may take (" + longestSendMillis + " ms of timeouts of "
                        + sender.getClass().getSimpleName() + ").",
                        "Set EMAIL_RETRY_DELAY to at least " + longestSendMillis + " ms (the default is 30s).");
            }
        }

        /**
         * /actuator/health "emailQueue" in a process that consumes the stream: how many messages are
         * delivered but not yet acknowledged. Registered at run time for the same reason as the worker
         * is started then; a web service that does not consume the stream must not report DOWN when
         * only Redis is.
         */
        @Bean
        SmartInitializingSingleton emailQueueHealthRegistration(EmailProperties properties, RedisStreamWorker worker,
                ObjectProvider<HealthContributorRegistry> registry) {
            return () -> {
                if (properties.workerEnabled()) {
                    registry.ifAvailable(contributors ->
                            contributors.registerContributor("emailQueue", emailQueueHealth(worker, properties)));
                }
            };
        }

        static HealthIndicator emailQueueHealth(RedisStreamWorker worker, EmailProperties properties) {
            return () -> {
                try {
                    return Health.up().withDetail("stream", properties.stream())
                            .withDetail("pending", worker.pendingCount()).build();
                } catch (RuntimeException redisDown) {
                    return Health.down().withDetail("stream", properties.stream())
                            .withDetail("error", "Redis unavailable").build();
                }
            };
        }
    }

    @Bean
    @Conditional(RedisSettings.Absent.class)
    EmailQueue inProcessEmailQueue(EmailDelivery delivery, EmailProperties properties) {
        return new InProcessEmailQueue(delivery, properties);
    }
}
