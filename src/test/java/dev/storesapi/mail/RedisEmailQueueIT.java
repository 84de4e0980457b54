package dev.storesapi.mail;

import dev.storesapi.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis Stream side of publishing, against a real Redis (streams of their own: no worker reads
 * them): whether the stream still holds a published job, which decides if the sweep publishes it
 * again, through each state of a message; and the cap on the stream's length.
 */
@IntegrationTest
class RedisEmailQueueIT {

    @Autowired
    StringRedisTemplate redis;

    @Test
    void aJobIsHeldUntilItsMessageIsAcknowledgedAndNotOnceItIsGone() {
        String stream = "holds-" + UUID.randomUUID();
        EmailProperties properties = properties(stream, 1000);
        RedisEmailQueue queue = new RedisEmailQueue(redis, properties);
        String ref = queue.publish(new EmailJob(1, 1, "a@example.com", "a"));

        assertThat(queue.holds(1, ref)).as("no consumer group yet: a worker creates it and reads from the start")
                .isTrue();
        redis.opsForStream().createGroup(stream, ReadOffset.from("0"), properties.consumerGroup());
        assertThat(queue.holds(1, ref)).as("not read yet").isTrue();

        List<MapRecord<String, Object, Object>> read = redis.opsForStream().read(
                Consumer.from(properties.consumerGroup(), "worker-1"), StreamOffset.create(stream, ReadOffset.lastConsumed()));
        assertThat(read).hasSize(1);
        assertThat(queue.holds(1, ref)).as("delivered, not acknowledged: pending, retried by the workers").isTrue();

        redis.opsForStream().acknowledge(stream, properties.consumerGroup(), RecordId.of(ref));
        assertThat(queue.holds(1, ref)).as("acknowledged, though still in the stream").isFalse();

        String flushed = queue.publish(new EmailJob(2, 1, "b@example.com", "b"));
        redis.delete(stream);
        assertThat(queue.holds(2, flushed)).as("the stream is gone, as after a flush").isFalse();
        assertThat(queue.holds(3, null)).as("published before it had a queue_ref").isFalse();
    }

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
                Duration.ofMinutes(5), 8, Duration.ofSeconds(1));
    }
}
