package dev.storesapi.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The limits of docs/security.md, from RATE_LIMIT_* variables. Per client IP: sign-in attempts,
 * registrations and token refreshes; per username: sign-in attempts, of which successful ones are
 * given back, so only failures count. A refusal is answered after {@code refusalDelay}: on a
 * virtual thread that costs no CPU, and a client flooding a used-up limit gets its refusals no
 * faster than sign-ins, rather than taking the CPU from everyone else's requests.
 */
@ConfigurationProperties("stores.rate-limit")
public record RateLimitProperties(
        boolean enabled,
        Duration refusalDelay,
        RateLimit loginPerIp,
        RateLimit loginFailuresPerUsername,
        RateLimit registerPerIp,
        RateLimit refreshPerIp) {
}
