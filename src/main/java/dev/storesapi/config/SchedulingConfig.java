package dev.storesapi.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background work: the session purge, the outbox sweep, the email worker's retries (scheduled),
 * and publishing outbox rows after commit (async, on Spring Boot's task executor, which uses
 * virtual threads here).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
class SchedulingConfig {
}
