package dev.storesapi.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token settings (docs/configuration.md): JWT_SECRET_KEY, JWT_ACCESS_TTL, JWT_REFRESH_TTL, JWT_CLOCK_SKEW.
 *
 * @param secretKey HS256 key, base64 or raw text, at least 32 bytes; blank only outside the prod profile
 * @param accessTtl  access token lifetime
 * @param refreshTtl refresh token and login session lifetime
 * @param clockSkew  tolerance for other instances' clocks when checking {@code exp} and {@code nbf}
 */
@ConfigurationProperties("jwt")
public record JwtProperties(
        String secretKey,
        Duration accessTtl,
        Duration refreshTtl,
        Duration clockSkew) {

    @Override
    public String toString() {
        return "JwtProperties[accessTtl=" + accessTtl + ", refreshTtl=" + refreshTtl + ", clockSkew=" + clockSkew + "]";
    }
}
