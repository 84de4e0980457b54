package dev.storesapi.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Conditional writes (docs/api.md "Conditional writes").
 *
 * @param requireIfMatch writes that take If-Match refuse to run without it, with 428
 *                       (REQUIRE_IF_MATCH); otherwise a write without it is unconditional
 */
@ConfigurationProperties("stores.conditional-writes")
@Validated
public record ConditionalWriteProperties(@NotNull Boolean requireIfMatch) {
}
