package dev.storesapi.mail;

import dev.storesapi.support.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The Redis Stream side of publishing, against a real Redis (a stream of its own: no worker reads it): the cap on the stream's length. */
@IntegrationTest
class RedisEmailQueueIT {

    @Autowired
    StringRedisTemplate redis;

    /** XADD MAXLEN ~: Redis trims whole stream nodes (100 entries each by default), so "about" the cap. */
    @Test
    void trimsTheStreamToAboutItsMaximumLength() {
        String stream = "capped-" + UUID.randomUUID();
        RedisEmailQueue queue = new RedisEmailQueue(redis, properties(stream, 10));
        for (int i = 1; i <= 1000; i++) {
            queue.publish(new EmailJob(i, 1, "a@example.com", "a"));
        }

        assertThat(redis.opsForStream().size(stream)).isBetween(10L, 10L + 100);
        redis.delete(stream);
    }

    private static EmailProperties properties(String stream, long streamMaxLength) {
        return new EmailProperties("from@example.com", "http://docs", 5, Duration.ofSeconds(30),
                Duration.ofMinutes(10), stream, streamMaxLength, false, Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofMinutes(5), 8, Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofMinutes(1));
    }
}
