package dev.storesapi.ratelimit;

import dev.storesapi.support.ApiClient;
import dev.storesapi.support.FreePort;
import dev.storesapi.support.PrivateRedis;
import dev.storesapi.support.SecondInstance;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import redis.embedded.RedisSentinel;

import static dev.storesapi.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/configuration.md "Redis": a Redis named by a sentinel master, with no URL, is used as one
 * named by REDIS_URL; the rate limits count in it (RateLimitIT covers a URL and a host and port).
 */
class RedisSentinelIT {

    @Test
    void aRedisFoundThroughASentinelCarriesTheSharedRateLimits() throws IOException {
        try (PrivateRedis master = PrivateRedis.start()) {
            int sentinelPort = FreePort.belowEphemeralRange();
            RedisSentinel sentinel = RedisSentinel.newRedisSentinel().bind("127.0.0.1").port(sentinelPort)
                    .masterName("stores").masterPort(master.port()).build();
            sentinel.start();
            try (ConfigurableApplicationContext instance = SecondInstance.start(
                    "--spring.data.redis.sentinel.master=stores",
                    "--spring.data.redis.sentinel.nodes=127.0.0.1:" + sentinelPort,
                    "--RATE_LIMIT_REFRESH_PER_IP=3/1h")) {
                await().atMost(Duration.ofSeconds(30)).until(instance.getBean(RateLimiter.class)::redisReachable);

                assertProblem(new ApiClient(instance.getEnvironment()).post("/refresh"), 401, "authorization_required");

                assertThat(instance.getBean(StringRedisTemplate.class).keys("rate-limit:v2:refresh-ip:*")).hasSize(1);
            } finally {
                sentinel.stop();
            }
        }
    }
}
