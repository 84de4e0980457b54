package dev.storesapi.ratelimit;

import dev.storesapi.support.Accounts;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.Catalog;
import dev.storesapi.support.IntegrationTest;
import dev.storesapi.support.PrivateRedis;
import dev.storesapi.support.SecondInstance;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.storesapi.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The limits of docs/security.md over HTTP: brute force on one username meets a 429 long before
 * the 20th wrong password; two instances sharing a Redis share one per-IP limit, also under 80
 * concurrent sign-ins; with Redis paused or gone, each instance keeps serving on half of each limit,
 * and shares again once Redis is back.
 */
@IntegrationTest
class RateLimitIT {

    /** RATE_LIMIT_LOGIN_PER_IP, per minute (the default). */
    private static final int LOGIN_PER_IP = 30;

    private static PrivateRedis redis;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @Autowired
    Accounts accounts;

    @BeforeAll
    static void startTwoInstancesSharingOneRedis() {
        redis = PrivateRedis.start();
        first = instance(SecondInstance.redis(redis.url()));
        // Redis named the other ways Spring Boot reads it is the same shared Redis.
        second = instance("--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redis.port());
        awaitRedisSharedByBoth();
    }

    @AfterAll
    static void stopAll() {
        second.close();
        first.close();
        redis.stop();
    }

    @Test
    void wrongPasswordsForOneUsernameMeetATooManyRequestsBeforeTheTwentieth() {
        Accounts.NewUser user = accounts.register();
        ApiClient anonymous = accounts.anonymous();
        int attempts = 0;
        ApiResponse response;
        do {
            attempts++;
            response = anonymous.post("/login", Map.of("username", user.username(), "password", "wrong password " + attempts));
        } while (response.status() == 401 && attempts < 20);

        assertThat(attempts).isLessThan(20);
        assertProblem(response, 429, "rate_limited");
        assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, 60L);
        // The right password waits too (it is the guesser's turn that is over, not the account)...
        assertProblem(anonymous.post("/login", Map.of("username", user.username().toUpperCase(),
                "password", user.password())), 429, "rate_limited");
        // ...while other users sign in from the same address as usual.
        assertThat(accounts.login(accounts.register())).isNotNull();
    }

    @Test
    void successfulSignInsDoNotUseUpTheUsernameLimit() {
        Accounts.NewUser user = accounts.register();

        for (int i = 0; i < 8; i++) {
            assertThat(accounts.login(user).access()).isNotBlank();
        }
    }

    @Test
    void twoInstancesShareOnePerIpLimitThroughRedis() {
        ApiClient onFirst = new ApiClient(first.getEnvironment());
        ApiClient onSecond = new ApiClient(second.getEnvironment());

        // RATE_LIMIT_REFRESH_PER_IP=3/1h: three tries in all, whichever instance answers them, and
        // however the path is spelt (/%72efresh is /refresh to Spring MVC).
        assertProblem(onFirst.post("/refresh"), 401, "authorization_required");
        assertProblem(onSecond.post("/%72efresh"), 401, "authorization_required");
        assertProblem(onFirst.post("/refresh"), 401, "authorization_required");

        long started = System.nanoTime();
        ApiResponse refused = onSecond.post("/refresh");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered after RATE_LIMIT_REFUSAL_DELAY")
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertProblem(refused, 429, "rate_limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertProblem(onFirst.post("/%72efresh"), 429, "rate_limited");
    }

    @Test
    void withRedisGoneEachInstanceServesOnItsOwnLimitsAndSharesAgainWhenItIsBack() {
        ApiClient onFirst = new ApiClient(first.getEnvironment());
        ApiClient onSecond = new ApiClient(second.getEnvironment());
        redis.stop();
        try {
            // RATE_LIMIT_REGISTER_PER_IP=2/1h, half of it on each instance alone: no 5xx, one each.
            for (ApiClient instance : new ApiClient[] {onFirst, onSecond}) {
                assertThat(register(instance).status()).isEqualTo(201);
                assertProblem(register(instance), 429, "rate_limited");
            }
        } finally {
            redis.restart();
        }
        awaitRedisSharedByBoth();

        // Back on the shared (and emptied) Redis: two in all again.
        assertThat(register(onFirst).status()).isEqualTo(201);
        assertThat(register(onSecond).status()).isEqualTo(201);
        assertProblem(register(onFirst), 429, "rate_limited");
    }

    @Test
    void eightyConcurrentSignInsFromOneAddressOverTwoInstancesGetNoMoreThanTheLimitThrough() {
        assertThat(signInsGettingThrough("203.0.113.1", 80)).isBetween(LOGIN_PER_IP - 5, LOGIN_PER_IP + 3);
    }

    @Test
    void withRedisPausedTwoInstancesTogetherStillLetNoMoreThanTheLimitThrough() {
        assertThat(signInsGettingThroughWhile(redis::pause, redis::resume, "203.0.113.2", 80))
                .isBetween(LOGIN_PER_IP - 5, LOGIN_PER_IP + 3);
    }

    @Test
    void withRedisStoppedTwoInstancesTogetherStillLetNoMoreThanTheLimitThrough() {
        assertThat(signInsGettingThroughWhile(redis::stop, redis::restart, "203.0.113.3", 80))
                .isBetween(LOGIN_PER_IP - 5, LOGIN_PER_IP + 3);
    }

    private static int signInsGettingThroughWhile(Runnable outage, Runnable recovery, String clientAddress,
            int count) {
        outage.run();
        try {
            return signInsGettingThrough(clientAddress, count);
        } finally {
            recovery.run();
            awaitRedisSharedByBoth();
        }
    }

    @Test
    void redisPausedPartWayThroughABurstStillLetsNoMoreThanTheLimitThrough() {
        String clientAddress = "203.0.113.4";
        ApiClient[] instances = bothInstances();
        int through = 0;
        for (int i = 0; i < 20; i++) {
            through += signIn(instances[i % 2], clientAddress, i).status() == 429 ? 0 : 1;
        }
        assertThat(through).as("counted in Redis").isEqualTo(20);

        // Each instance goes on alone from what it last saw left (10 of 30), halved: 5 more each.
        through += signInsGettingThroughWhile(redis::pause, redis::resume, clientAddress, 60);

        assertThat(through).isBetween(LOGIN_PER_IP - 5, LOGIN_PER_IP + 3);
    }

    /**
     * {@code count} sign-ins at once from one client address (given as Render's proxy does, in
     * X-Forwarded-For), half to each instance; returns how many were not refused with 429.
     */
    private static int signInsGettingThrough(String clientAddress, int count) {
        ApiClient[] instances = bothInstances();
        List<Future<ApiResponse>> responses = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int attempt = i;
                responses.add(clients.submit(() -> signIn(instances[attempt % 2], clientAddress, attempt)));
            }
        }
        List<Integer> statuses = responses.stream().map(response -> response.resultNow().status()).toList();
        assertThat(statuses).as("no request fails because of Redis").allMatch(status -> status < 500 || status == 503);
        return (int) statuses.stream().filter(status -> status != 429).count();
    }

    private static ApiResponse signIn(ApiClient instance, String clientAddress, int attempt) {
        String body = "{\"username\": \"nobody_" + attempt + "\", \"password\": \"wrong password\"}";
        return instance.send(instance.request("/login")
                .header("X-Forwarded-For", clientAddress)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static ApiClient[] bothInstances() {
        return new ApiClient[] {new ApiClient(first.getEnvironment()), new ApiClient(second.getEnvironment())};
    }

    private static void awaitRedisSharedByBoth() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                first.getBean(RateLimiter.class).redisReachable() && second.getBean(RateLimiter.class).redisReachable()
                && first.getBean(RateLimiter.class).instancesSharing() == 2
                && second.getBean(RateLimiter.class).instancesSharing() == 2);
    }

    private static ApiResponse register(ApiClient instance) {
        String username = Catalog.unique("limited").replace(' ', '_');
        return instance.post("/register", Map.of("username", username, "email", username + "@example.com",
                "password", "long enough password"));
    }

    private static ConfigurableApplicationContext instance(String... redisSettings) {
        List<String> settings = new ArrayList<>(List.of(
                // As behind Render's proxy: the client address comes from X-Forwarded-For.
                "--server.forward-headers-strategy=native",
                "--RATE_LIMIT_LOGIN_PER_IP=" + LOGIN_PER_IP + "/1m",
                "--RATE_LIMIT_REFRESH_PER_IP=3/1h",
                "--RATE_LIMIT_REGISTER_PER_IP=2/1h",
                // How the instances share the limits, shortened from 10 s, 5 s and 15 s, so that they
                // find Redis back and count each other within a second or two of each outage. A count
                // lasts six beats (three in production): a beat held up on this busy machine must not
                // drop an instance from the count, and nothing here waits for one to drop out.
                "--stores.rate-limit.retry-redis-after=1s",
                "--stores.rate-limit.heartbeat-interval=500ms",
                "--stores.rate-limit.instance-counts-for=3s"));
        settings.addAll(List.of(redisSettings));
        return SecondInstance.start(settings);
    }
}
