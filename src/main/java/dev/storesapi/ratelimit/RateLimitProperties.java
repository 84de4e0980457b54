package dev.storesapi.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The limits of README "Security", from RATE_LIMIT_* variables. Per client IP: sign-in attempts,
 * registrations and token refreshes; per username: sign-in attempts, of which successful ones are
 * given back, so only failures count.
 */
@ConfigurationProperties("stores.rate-limit")
public record RateLimitProperties(
        boolean enabled,
        RateLimit loginPerIp,
        RateLimit loginFailuresPerUsername,
        RateLimit registerPerIp,
        RateLimit refreshPerIp) {
}
