package dev.storesapi.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import dev.storesapi.config.InvalidConfigurationException;
import java.util.stream.Stream;

/**
 * Chooses how emails travel: through Redis when REDIS_URL is set (the stream, consumed by
 * workers), else in this process; and how they leave: SMTP when MAIL_HOST is set, else the log.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailProperties.class)
class MailConfig {

    /** REDIS_URL is mapped to spring.data.redis.url only when set (config/ServicesEnvironmentPostProcessor). */
    static final String WITH_REDIS = "'${spring.data.redis.url:}' != ''";

    @Bean
    EmailSender emailSender(ObjectProvider<JavaMailSender> mail, EmailProperties properties) {
        JavaMailSender smtp = mail.getIfAvailable();
        return smtp == null ? new LoggingEmailSender() : new SmtpEmailSender(smtp, properties.from());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression(WITH_REDIS)
    static class RedisQueue {

        @Bean
        EmailQueue redisEmailQueue(StringRedisTemplate redis, EmailProperties properties) {
            return new RedisEmailQueue(redis, properties);
        }

        @Bean
        @ConditionalOnProperty(prefix = "stores.email", name = "worker-enabled", havingValue = "true")
        RedisStreamWorker redisStreamWorker(StringRedisTemplate redis, RedisConnectionFactory connections,
                EmailDelivery delivery, EmailProperties properties, Environment environment) {
            requireRetryDelayLongerThanASend(properties, environment);
            return new RedisStreamWorker(redis, connections, delivery, properties);
        }

        /** A shorter delay would let a second worker take over a send still in progress: a duplicate email. */
        private static void requireRetryDelayLongerThanASend(EmailProperties properties, Environment environment) {
            long longestSendMillis = Stream.of("connectiontimeout", "timeout", "writetimeout")
                    .mapToLong(name -> environment.getProperty("spring.mail.properties.mail.smtp." + name, Long.class, 0L))
                    .sum();
            if (properties.retryDelay().toMillis() < longestSendMillis) {
                throw new InvalidConfigurationException("EMAIL_RETRY_DELAY (" + properties.retryDelay()
                        + ") is shorter than one send may take (" + longestSendMillis + " ms of SMTP timeouts).",
                        "Set EMAIL_RETRY_DELAY to at least " + longestSendMillis + " ms (the default is 30s).");
            }
        }

        /** /actuator/health "emailQueue": how many messages are delivered but not yet acknowledged. */
        @Bean
        @ConditionalOnProperty(prefix = "stores.email", name = "worker-enabled", havingValue = "true")
        HealthIndicator emailQueueHealthIndicator(RedisStreamWorker worker, EmailProperties properties) {
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
    @ConditionalOnExpression("!(" + WITH_REDIS + ")")
    EmailQueue inProcessEmailQueue(EmailDelivery delivery, EmailProperties properties) {
        return new InProcessEmailQueue(delivery, properties);
    }
}
