package dev.storesapi.redis;

import java.util.stream.Stream;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Redis is used when it is configured the way Spring Boot reads it: a URL (REDIS_URL, mapped onto
 * spring.data.redis.url), a host (with its port and password), or a sentinel master. Spring Boot
 * itself would fall back to localhost:6379; this service runs without Redis instead
 * (docs/configuration.md, "Redis"). As conditions: {@code @Conditional(RedisSettings.Present.class)}
 * and {@code @Conditional(RedisSettings.Absent.class)}.
 */
public final class RedisSettings {

    private RedisSettings() {
    }

    /** Whether the settings name a Redis. */
    public static boolean configured(PropertyResolver settings) {
        return Stream.of("spring.data.redis.url", "spring.data.redis.host", "spring.data.redis.sentinel.master")
                .anyMatch(name -> StringUtils.hasText(settings.getProperty(name)));
    }

    /** Matches when Redis is configured. */
    public static final class Present implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return configured(context.getEnvironment());
        }
    }

    /** Matches when it is not: for what replaces Redis then. */
    public static final class Absent implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !configured(context.getEnvironment());
        }
    }
}
