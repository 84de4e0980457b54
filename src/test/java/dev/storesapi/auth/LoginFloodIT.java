package dev.storesapi.auth;

import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.Catalog;
import dev.storesapi.support.SecondInstance;
import dev.storesapi.support.TestPostgres;
import dev.storesapi.support.TestSecrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.storesapi.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of sign-ins against an instance with a two-connection pool (docs/security.md): password
 * hashing waits only briefly for a slot and then answers 503 with Retry-After, never holds a
 * database connection, so catalog reads polled meanwhile keep answering 200.
 */
class LoginFloodIT {

    private static final int CONCURRENT_LOGINS = 32;
    private static final long FLOOD_MILLIS = 4000;
    private static ConfigurableApplicationContext instance;

    @BeforeAll
    static void startInstanceWithASmallPool() {
        instance = SecondInstance.start(
                // In place of SecondInstance's DATABASE_URL, a jdbc: URL with a password in it:
                // support/LogSecretsScan checks it is logged nowhere.
                "--DATABASE_URL=" + TestPostgres.jdbcUrl() + "?user=postgres&password=" + TestSecrets.DATABASE_PASSWORD,
                "--DB_POOL_SIZE=2",
                // Short, so that the flood meets a full hashing queue however many cores hash.
                "--PASSWORD_HASH_WAIT=20ms",
                // The flood is about hashing capacity here; RateLimitIT covers the limits.
                "--RATE_LIMIT_ENABLED=false");
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    @Test
    void signInFloodGetsOnlySuccessesOrBriefRefusalsAndCatalogReadsKeepAnswering() throws Exception {
        ApiClient api = new ApiClient(instance.getEnvironment());
        String username = Catalog.unique("flood").replace(' ', '_');
        String password = "long enough password";
        assertThat(api.post("/register", Map.of("username", username, "email", username + "@example.com",
                "password", password)).status()).isEqualTo(201);
        String token = api.post("/login", Map.of("username", username, "password", password)).json()
                .get("access_token").asString();
        long store = api.withToken(token).post("/store", Map.of("name", Catalog.unique("flooded"))).id();

        ConcurrentLinkedQueue<ApiResponse> logins = new ConcurrentLinkedQueue<>();
        List<Long> readMillis = new ArrayList<>();
        List<Integer> readStatuses = new ArrayList<>();
        long end = System.currentTimeMillis() + FLOOD_MILLIS;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CONCURRENT_LOGINS; i++) {
                threads.submit(() -> {
                    while (System.currentTimeMillis() < end) {
                        logins.add(api.post("/login", Map.of("username", username, "password", password)));
                    }
                });
            }
            while (System.currentTimeMillis() < end) {
                long started = System.nanoTime();
                readStatuses.add(api.get("/store/" + store).status());
                readMillis.add((System.nanoTime() - started) / 1_000_000);
                Thread.sleep(50);
            }
        }

        assertThat(logins).extracting(ApiResponse::status).containsOnly(200, 503).contains(200, 503);
        for (ApiResponse refused : logins.stream().filter(response -> response.status() == 503).toList()) {
            assertProblem(refused, 503, "service_unavailable", PasswordHashingBusyException.DETAIL);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
        }
        assertThat(readStatuses).isNotEmpty().containsOnly(200);
        // Not a benchmark (bench/login-flood.sh is): a read that waited for a pool connection held
        // by a hash would take seconds.
        assertThat(readMillis).allSatisfy(millis -> assertThat(millis).isLessThan(2000));
    }
}
