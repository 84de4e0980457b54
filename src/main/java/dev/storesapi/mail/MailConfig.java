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
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.StringUtils;

/**
 * Chooses how emails travel: through Redis when REDIS_URL is set (the stream, consumed by
 * workers), else in this process; and how they leave: Mailgun's HTTP API when MAILGUN_API_KEY and
 * MAILGUN_DOMAIN are set, else SMTP when MAIL_HOST is set, else the log. Start-up says which.
 * <p>
 * Each is a decision at run time inside one bean, never a condition on which beans exist: the
 * image starts from bean definitions Spring AOT generated at build time, which must fit every
 * configuration (docs/deploy.md "Spring AOT").
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
        // The image's bean definitions include Spring Boot's JavaMailSender whether MAIL_HOST is set or not.
        JavaMailSender smtp = mail.getIfAvailable();
        if (smtp != null && StringUtils.hasText(environment.getProperty("spring.mail.host"))) {
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

    @Bean
    EmailQueue emailQueue(Environment environment, ObjectProvider<StringRedisTemplate> redis, EmailDelivery delivery,
            EmailProperties properties) {
        if (RedisSettings.configured(environment)) {
            return new RedisEmailQueue(redis.getObject(), properties);
        }
        return new InProcessEmailQueue(delivery, properties);
    }

    /**
     * Present wherever Spring Boot's Redis beans are, started only where the stream is consumed
     * (APP_ROLE=worker, or EMAIL_WORKER_ENABLED with REDIS_URL set).
     */
    @Bean
    RedisStreamWorker redisStreamWorker(StringRedisTemplate redis, RedisConnectionFactory connections,
            EmailDelivery delivery, EmailProperties properties, EmailSender sender, Environment environment) {
        boolean consumes = properties.workerEnabled() && RedisSettings.configured(environment);
        if (consumes) {
            requireRetryDelayLongerThanASend(properties, sender);
        }
        return new RedisStreamWorker(redis, connections, delivery, properties, consumes);
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
            if (worker.isAutoStartup()) {
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
