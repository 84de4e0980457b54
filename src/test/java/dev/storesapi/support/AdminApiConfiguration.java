package dev.storesapi.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

@TestConfiguration(proxyBeanMethods = false)
class AdminApiConfiguration {

    /** Created on first injection, once the server runs: the admin logs in then. */
    @Bean
    @Lazy
    @Admin
    ApiClient adminApi(Accounts accounts) {
        return accounts.admin();
    }
}
