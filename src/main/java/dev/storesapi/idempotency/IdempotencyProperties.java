package dev.storesapi.idempotency;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Idempotency keys (docs/api.md "Retrying a create").
 *
 * @param keyTtl        how long a key and its stored answer are kept (IDEMPOTENCY_KEY_TTL)
 * @param purgeInterval how often expired keys are deleted
 */
@ConfigurationProperties("stores.idempotency")
@Validated
public record IdempotencyProperties(@NotNull Duration keyTtl, @NotNull Duration purgeInterval) {
}
