package dev.storesapi.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The image build's Spring AOT training run (docs/deploy.md "Spring AOT"), switched on by the
 * Dockerfile with STORES_AOT_TRAINING_ENABLED=true.
 *
 * @param enabled run {@link AotTrainingWorkload} once the service is ready, then exit
 * @param rounds  how many times the workload calls each endpoint
 */
@ConfigurationProperties("stores.aot-training")
record AotTrainingProperties(Boolean enabled, Integer rounds) {
}
