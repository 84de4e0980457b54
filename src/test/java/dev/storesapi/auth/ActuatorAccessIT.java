package dev.storesapi.auth;

import dev.storesapi.support.Accounts;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.IntegrationTest;
import dev.storesapi.support.SecondInstance;
import dev.storesapi.support.TestSecrets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.storesapi.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deny by default (docs/security.md): with every Actuator endpoint exposed, a common debugging
 * step, only health answers anyone and metrics answer METRICS_TOKEN; every other endpoint is for
 * admins. A second instance of the application, exposing everything, against the same database.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActuatorAccessIT {

    private static final List<String> ENDPOINTS = List.of("/actuator/env", "/actuator/beans", "/actuator/configprops",
            "/actuator/mappings", "/actuator/threaddump", "/actuator/loggers", "/actuator/conditions",
            "/actuator/scheduledtasks", "/actuator/metrics", "/actuator/info");

    @Autowired
    Accounts accounts;

    private ConfigurableApplicationContext everythingExposed;
    private ApiClient anonymous;

    @BeforeAll
    void start() {
        everythingExposed = SecondInstance.start("--management.endpoints.web.exposure.include=*",
                // Spring Boot's test support switches metrics export off in this JVM.
                "--management.defaults.metrics.export.enabled=true",
                "--METRICS_TOKEN=" + TestSecrets.METRICS_TOKEN);
        anonymous = new ApiClient(everythingExposed.getEnvironment());
    }

    @AfterAll
    void stop() {
        everythingExposed.close();
    }

    @Test
    void everyEndpointButHealthAndMetricsIsForAdminsOnly() throws Exception {
        ApiClient user = anonymous.withToken(accounts.login(accounts.register()).access());

        for (String endpoint : ENDPOINTS) {
            assertProblem(anonymous.get(endpoint), 401, "authorization_required");
            assertProblem(user.get(endpoint), 403, "admin_required");
        }
        String adminToken = accounts.adminLogin().access();
        assertThat(status("/actuator/env", adminToken)).as("really exposed").isEqualTo(200);
        assertThat(status("/actuator/beans", adminToken)).isEqualTo(200);
    }

    /**
     * Past ApiClient, which fails on any body showing internals (these bodies are nothing else) and
     * accepts only JSON (metrics are text).
     */
    private int status(String path, String bearerToken) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(anonymous.uri(path))
                .header("Authorization", "Bearer " + bearerToken).build(), BodyHandlers.discarding()).statusCode();
    }

    @Test
    void healthIsPublicAndMetricsTakeTheirToken() throws Exception {
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertProblem(anonymous.get("/actuator/prometheus"), 401, "authorization_required");
        assertThat(status("/actuator/prometheus", TestSecrets.METRICS_TOKEN)).isEqualTo(200);
    }

    /** Its links would carry the Host header a client sent. */
    @Test
    void theDiscoveryPageIsOff() {
        ApiClient admin = anonymous.withToken(accounts.adminLogin().access());

        assertProblem(admin.get("/actuator"), 404, "not_found");
        assertThat(anonymous.get("/actuator").status()).isNotEqualTo(200);
    }
}
