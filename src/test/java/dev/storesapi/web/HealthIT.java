package dev.storesapi.web;

import dev.storesapi.support.Accounts;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import static dev.storesapi.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class HealthIT {

    @Autowired
    ApiClient api;

    @Autowired
    Accounts accounts;

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void healthProbesAreUp(String path) {
        var response = api.get(path);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void nothingElseOfActuatorIsExposed() {
        ApiClient user = accounts.user();

        assertProblem(user.get("/actuator/env"), 404, "not_found");
        assertProblem(user.get("/actuator/beans"), 404, "not_found");
        assertProblem(api.get("/actuator/env"), 401, "authorization_required");
        assertThat(user.get("/actuator").body()).doesNotContain("env", "beans", "heapdump");
    }
}
