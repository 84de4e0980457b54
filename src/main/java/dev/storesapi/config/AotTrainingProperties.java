package dev.storesapi.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The image build's Spring AOT training run (docs/deploy.md "Spring AOT"), switched on by the
 * Dockerfile with STORES_AOT_TRAINING_ENABLED=true.
 *
 * @param enabled run the training workload once the service is ready, then exit
 * @param rounds  how many times the workload calls each endpoint
 */
@ConfigurationProperties("stores.aot-training")
@Validated
record AotTrainingProperties(@NotNull Boolean enabled, @NotNull Integer rounds) {
}
