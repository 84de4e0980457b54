package dev.storesapi.auth;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Token settings (docs/configuration.md): JWT_SECRET_KEY, JWT_ACCESS_TTL, JWT_REFRESH_TTL, JWT_CLOCK_SKEW.
 *
 * @param secretKey HS256 key, base64 or raw text, at least 32 bytes; blank only outside the prod profile
 * @param accessTtl  access token lifetime
 * @param refreshTtl refresh token and login session lifetime
 * @param clockSkew  tolerance for other instances' clocks when checking a token's expiry and not-before times
 */
@ConfigurationProperties("jwt")
@Validated
public record JwtProperties(
        String secretKey,
        @NotNull Duration accessTtl,
        @NotNull Duration refreshTtl,
        @NotNull Duration clockSkew) {

    @Override
    public String toString() {
        return "JwtProperties[accessTtl=" + accessTtl + ", refreshTtl=" + refreshTtl + ", clockSkew=" + clockSkew + "]";
    }
}
