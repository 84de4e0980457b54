package dev.storesapi.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buckets every instance shares through Redis, for {@link RateLimiter}: connected at first use,
 * and given up for {@link #RETRY_REDIS_AFTER} when Redis cannot be reached (each instance then
 * enforces the limits alone).
 */
final class SharedBuckets implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedBuckets.class);
    private static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);
    private static final Duration RETRY_REDIS_AFTER = Duration.ofSeconds(10);

    private final RedisClient client;
    private StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> manager;
    private volatile long redisRetryAt;
    private volatile boolean redisDown;

    /** {@code redisUrl} blank: nothing is shared, and {@link #manager()} is always null. */
    SharedBuckets(String redisUrl) {
        this.client = redisUrl.isBlank() ? null : redisClient(redisUrl);
    }

    /** The buckets in Redis, or null while there are none to use. */
    ProxyManager<String> manager() {
        if (client == null || (redisDown && System.nanoTime() - redisRetryAt < 0)) {
            return null;
        }
        ProxyManager<String> connected = manager;
        if (connected != null) {
            return connected;
        }
        synchronized (this) {
            // Threads that queued here while a connect attempt failed do not each try again.
            if (redisDown && System.nanoTime() - redisRetryAt < 0) {
                return null;
            }
            if (manager == null) {
                try {
                    connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                    manager = Bucket4jLettuce.casBasedBuilder(connection)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy
                                    .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                            .requestTimeout(REDIS_TIMEOUT)
                            .build();
                } catch (RedisException e) {
                    unavailable(e);
                    return null;
                }
            }
            return manager;
        }
    }

    /** Redis answered a bucket request. */
    void answered() {
        if (redisDown) {
            redisDown = false;
            log.info("Rate limits are shared through Redis again");
        }
    }

    /** Redis failed a bucket request: leave it alone for a while. */
    void unavailable(RuntimeException e) {
        redisRetryAt = System.nanoTime() + RETRY_REDIS_AFTER.toNanos();
        if (!redisDown) {
            redisDown = true;
            log.warn("Redis unavailable for rate limits ({}); each instance enforces them alone until it is back",
                    e.getMessage());
        }
    }

    boolean reachable() {
        if (manager() == null) {
            return false;
        }
        try {
            return "PONG".equals(connection.sync().ping());
        } catch (RedisException e) {
            return false;
        }
    }

    private static RedisClient redisClient(String url) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(REDIS_TIMEOUT);
        RedisClient client = RedisClient.create(uri);
        // Fail at once while disconnected instead of queueing until the timeout.
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(REDIS_TIMEOUT).build())
                .build());
        return client;
    }

    @Override
    public void close() {
        if (client != null) {
            if (connection != null) {
                connection.close();
            }
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }
}
