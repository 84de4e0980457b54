package dev.storesapi.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token settings (docs/configuration.md): JWT_SECRET_KEY, JWT_ACCESS_TTL, JWT_REFRESH_TTL, JWT_CLOCK_SKEW.
 *
 * @param secretKey HS256 key, base64 or raw text, at least 32 bytes; blank only outside the prod profile
 */
@ConfigurationProperties("jwt")
public record JwtProperties(
        String secretKey,
        @DefaultValue("15m") Duration accessTtl,
        @DefaultValue("30d") Duration refreshTtl,
        @DefaultValue("30s") Duration clockSkew) {

    @Override
    public String toString() {
        return "JwtProperties[accessTtl=" + accessTtl + ", refreshTtl=" + refreshTtl + ", clockSkew=" + clockSkew + "]";
    }
}
