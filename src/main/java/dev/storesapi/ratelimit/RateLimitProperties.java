package dev.storesapi.ratelimit;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The limits of docs/security.md, from RATE_LIMIT_* variables, and how instances share them through
 * Redis. Per client IP: sign-in attempts, registrations and token refreshes; per username: sign-in
 * attempts, of which successful ones are given back, so only failures count. A refusal is answered
 * after {@code refusalDelay}: on a virtual thread that costs no CPU, and a client flooding a used-up
 * limit gets its refusals no faster than sign-ins, rather than taking the CPU from everyone else's
 * requests.
 *
 * @param enabled                  whether any limit applies (RATE_LIMIT_ENABLED)
 * @param refusalDelay             how long a refused request waits for its 429 (RATE_LIMIT_REFUSAL_DELAY)
 * @param loginPerIp               sign-in attempts per client IP, as N/period, e.g. 30/1m (RATE_LIMIT_LOGIN_PER_IP)
 * @param loginFailuresPerUsername failed sign-ins per username (RATE_LIMIT_LOGIN_FAILURES_PER_USERNAME)
 * @param registerPerIp            registrations per client IP (RATE_LIMIT_REGISTER_PER_IP)
 * @param refreshPerIp             token refreshes per client IP (RATE_LIMIT_REFRESH_PER_IP)
 * @param retryRedisAfter          how long the limits leave Redis alone after it failed to answer,
 *                                 each instance deciding alone meanwhile
 * @param heartbeatInterval        how often a web instance counts itself in Redis among the instances
 *                                 sharing the limits
 * @param instanceCountsFor        how long such a count lasts: longer than heartbeatInterval, or an
 *                                 instance drops out of the count between its own beats
 */
@ConfigurationProperties("stores.rate-limit")
@Validated
public record RateLimitProperties(
        @NotNull Boolean enabled,
        @NotNull Duration refusalDelay,
        @NotNull RateLimit loginPerIp,
        @NotNull RateLimit loginFailuresPerUsername,
        @NotNull RateLimit registerPerIp,
        @NotNull RateLimit refreshPerIp,
        @NotNull Duration retryRedisAfter,
        @NotNull Duration heartbeatInterval,
        @NotNull Duration instanceCountsFor) {
}
