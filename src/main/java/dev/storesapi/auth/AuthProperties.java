package dev.storesapi.auth;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Password hashing, and the token of metrics scrapers (docs/configuration.md).
 *
 * @param hashWait     how long a sign-in or sign-up waits for a free password-hashing slot before a 503
 *                     (PASSWORD_HASH_WAIT)
 * @param metricsToken bearer token that Prometheus scrapers present for /actuator/prometheus in the prod
 *                     profile (METRICS_TOKEN); empty: admins' tokens only
 */
@ConfigurationProperties("stores.auth")
@Validated
record AuthProperties(@NotNull Duration hashWait, String metricsToken) {

    @Override
    public String toString() {
        return "AuthProperties[hashWait=" + hashWait + ", metricsToken=***]";
    }
}
