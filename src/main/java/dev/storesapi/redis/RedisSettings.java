package dev.storesapi.redis;

import java.util.stream.Stream;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * Redis is used when it is configured the way Spring Boot reads it: a URL (REDIS_URL, mapped onto
 * spring.data.redis.url), a host (with its port and password), or a sentinel master. Spring Boot
 * itself would fall back to localhost:6379; this service runs without Redis instead
 * (docs/configuration.md, "Redis"). Read at run time by the beans that use Redis, never as a condition:
 * the image's Spring AOT bean definitions fit both (docs/deploy.md "Spring AOT").
 */
public final class RedisSettings {

    private RedisSettings() {
    }

    /** Whether the settings name a Redis. */
    public static boolean configured(PropertyResolver settings) {
        return Stream.of("spring.data.redis.url", "spring.data.redis.host", "spring.data.redis.sentinel.master")
                .anyMatch(name -> StringUtils.hasText(settings.getProperty(name)));
    }
}
