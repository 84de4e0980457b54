package dev.storesapi.mail;

import dev.storesapi.support.PrivateRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker on its own against a Redis of its own, with a delivery that only records the jobs it
 * is given: what {@link RedisStreamWorker} does with the stream at start.
 */
class RedisStreamWorkerIT {

    private static final Duration RETRY_DELAY = Duration.ofSeconds(30);

    private PrivateRedis server;
    private LettuceConnectionFactory connections;
    private StringRedisTemplate redis;
    private final EmailProperties properties = new EmailProperties("from@example.com", "http://docs", 5, RETRY_DELAY,
            Duration.ofMinutes(10), "emails", 1000L, true, Duration.ofSeconds(30), Duration.ofSeconds(30),
            Duration.ofMinutes(5), 8, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1));
    private final RecordingDelivery delivery = new RecordingDelivery(properties);

    @BeforeEach
    void startRedis() {
        server = PrivateRedis.start();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", server.port()));
        connections.afterPropertiesSet();
        redis = new StringRedisTemplate(connections);
    }

    @AfterEach
    void stopRedis() {
        connections.destroy();
        server.stop();
    }

    /**
     * The reader is held back until it has handed its first batch over and is reading again, so the
     * job is read before start() returns, every time; it used to be read before the worker counted as
     * running, refused, and left pending until the retry delay (no reclaim runs here at all).
     */
    @Test
    void aJobWaitingInTheStreamAtStartIsDeliveredByTheFirstRead() {
        EmailJob job = new EmailJob(41, 7, "waiting@example.com", "waiting");
        redis.opsForStream().add(MapRecord.create(properties.stream(), RedisEmailQueue.fields(job)));
        Executor firstBatchHandedOverBeforeStartReturns = pollLoop -> {
            Thread.ofVirtual().name("test-email-stream").start(pollLoop);
            // The loop reads again only once the listener returned for every message of the last read.
            await().atMost(Duration.ofSeconds(10)).until(() -> readsServed() >= 2);
        };
        RedisStreamWorker worker = new RedisStreamWorker(redis, connections, delivery, properties, true,
                firstBatchHandedOverBeforeStartReturns);

        worker.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> delivery.attempted.contains(job.outboxId()));
            await().atMost(Duration.ofSeconds(5)).until(() -> worker.pendingCount() == 0);
        } finally {
            worker.stop();
            worker.destroy();
        }
    }

    /** XREADGROUP calls Redis has answered (a blocking one counts once it returns). */
    private long readsServed() {
        Properties stats = redis.execute(connection -> connection.serverCommands().info("commandstats"), true);
        String xreadgroup = stats.getProperty("cmdstat_xreadgroup");
        if (xreadgroup == null) {
            return 0;
        }
        return Long.parseLong(xreadgroup.replaceAll("^calls=(\\d+),.*$", "$1"));
    }

    /** Records the jobs it is given instead of sending them. */
    private static final class RecordingDelivery extends EmailDelivery {

        final List<Long> attempted = new CopyOnWriteArrayList<>();

        RecordingDelivery(EmailProperties properties) {
            super(null, new LoggingEmailSender(), null, properties, new SimpleMeterRegistry());
        }

        @Override
        public DeliveryOutcome attempt(EmailJob job) {
            attempted.add(job.outboxId());
            return DeliveryOutcome.of(DeliveryOutcome.Kind.SENT);
        }
    }
}
