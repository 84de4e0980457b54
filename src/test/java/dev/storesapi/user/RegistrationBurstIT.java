package dev.storesapi.user;

import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.SecondInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.storesapi.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bursts of sign-ups of one email, or one username, with the production hashing and almost no wait
 * for a hashing slot: one gets 201 and every other 409, none 503 (docs/api.md "Errors"). They used to
 * pass the duplicate check together and then queue for the slots, where most gave up with a 503.
 */
class RegistrationBurstIT {

    private static final int SIGN_UPS = 20;
    private static ConfigurableApplicationContext instance;

    @BeforeAll
    static void startInstanceWithScarceHashing() {
        instance = SecondInstance.start(
                // A sign-up that finds every slot busy gives up at once: only one that hashes alone gets through.
                "--PASSWORD_HASH_WAIT=1ms",
                "--RATE_LIMIT_ENABLED=false");
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    @Test
    void concurrentSignUpsOfOneEmailGetOneCreatedAndConflicts() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);

        List<ApiResponse> responses = concurrently(i -> Map.of("username", "burst_" + run + "_" + i,
                "email", "burst-" + run + "@example.com", "password", "long enough password"));

        assertOneCreatedAndTheRestConflicts(responses);
    }

    @Test
    void concurrentSignUpsOfOneUsernameWhateverItsCaseGetOneCreatedAndConflicts() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);

        List<ApiResponse> responses = concurrently(i -> Map.of("username", i % 2 == 0 ? "Burst_" + run : "burst_" + run,
                "email", "burst-" + run + "-" + i + "@example.com", "password", "long enough password"));

        assertOneCreatedAndTheRestConflicts(responses);
    }

    private static void assertOneCreatedAndTheRestConflicts(List<ApiResponse> responses) {
        assertThat(responses).extracting(ApiResponse::status).as("statuses").containsOnly(201, 409)
                .filteredOn(status -> status == 201).hasSize(1);
        responses.stream().filter(response -> response.status() == 409).forEach(conflict ->
                assertProblem(conflict, 409, "conflict", "A user with that username or email already exists."));
    }

    private static List<ApiResponse> concurrently(IntFunction<Map<String, String>> signUp) throws Exception {
        ApiClient api = new ApiClient(instance.getEnvironment());
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (int i = 0; i < SIGN_UPS; i++) {
                Map<String, String> body = signUp.apply(i);
                futures.add(clients.submit(() -> {
                    start.await();
                    return api.post("/register", body);
                }));
            }
            start.countDown();
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> future : futures) {
                responses.add(future.get());
            }
            return responses;
        }
    }
}
