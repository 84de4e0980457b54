package dev.storesapi.ratelimit;

import dev.storesapi.redis.RedisSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** The limits of docs/security.md, shared through Redis wherever Redis is configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfig {

    @Bean
    RateLimiter rateLimiter(RateLimitProperties properties, Environment environment,
            ObjectProvider<LettuceConnectionFactory> redis) {
        return new RateLimiter(properties, RedisSettings.configured(environment) ? redis.getObject() : null);
    }
}
