package dev.storesapi.ratelimit;

import dev.storesapi.error.OutageLog;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The token buckets every instance shares through Redis, for {@link RateLimiter}, and the count of
 * instances sharing them (docs/security.md, "Rate limits").
 *
 * <p>A bucket is one Lua script per request, which Redis runs atomically: no read-modify-write
 * round trips that concurrent requests for one key would have to retry (optimistic compare-and-swap
 * kept 80 concurrent sign-ins retrying until they timed out, and then each instance let them all
 * through on its own). The connection is this class's own, opened on the client Spring Boot built
 * from its Redis settings (URL, or host and port, or sentinel), with its own short timeout: the
 * email stream's commands never queue in front of a rate-limit check. A request never waits for a
 * connect: {@link #heartbeat()} connects, in the background.
 */
final class SharedBuckets {

    private static final Logger log = LoggerFactory.getLogger(SharedBuckets.class);
    private static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);
    private static final String INSTANCES_KEY = "rate-limit:instances";

    /**
     * KEYS[1] the bucket; ARGV capacity, period (microseconds), tokens to take (-1 gives one back).
     * Returns {taken (1 or 0), microseconds until enough would be left, whole tokens left}. The
     * time is Redis's, so that instances whose clocks differ fill a bucket at one rate. A missing
     * key is a full bucket, so the key expires once the bucket would be full again.
     */
    private static final Script TAKE = new Script("""
            local capacity = tonumber(ARGV[1])
            local period = tonumber(ARGV[2])
            local take = tonumber(ARGV[3])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = capacity
            if bucket[1] then
              tokens = math.min(capacity, tonumber(bucket[1]) + (now - tonumber(bucket[2])) * capacity / period)
            end
            if take > tokens then
              return {0, math.ceil((take - tokens) * period / capacity), math.floor(tokens)}
            end
            tokens = math.min(capacity, tokens - take)
            redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', now)
            redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) * period / capacity / 1000) + 1000)
            return {1, 0, math.floor(tokens)}
            """);

    /** KEYS[1] the instances; ARGV this instance, how long a beat counts (ms). Returns how many count. */
    private static final Script BEAT = new Script("""
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            redis.call('ZADD', KEYS[1], now, ARGV[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return redis.call('ZCARD', KEYS[1])
            """);

    /** What a bucket said: taken or not, how long until it could be, and how many tokens it has left. */
    record Taken(boolean consumed, long nanosToWait, long remaining) {
    }

    private final @Nullable LettuceConnectionFactory redis;
    private final Duration retryRedisAfter;
    private final Duration instanceCountsFor;
    private final String instanceId = UUID.randomUUID().toString();
    private volatile @Nullable StatefulRedisConnection<String, String> connection;
    /** Set as the application closes: no more connects, and checks decide alone without an outage. */
    private volatile boolean left;
    private volatile int instances = 1;
    private volatile long redisRetryAt;
    private final OutageLog outages = new OutageLog(log, "Redis",
            "this instance enforces its share of each rate limit alone", "rate-limit checks were decided alone");

    /**
     * {@code redis} null: nothing is shared, and {@link #take} always answers null. After Redis
     * fails to answer, it is left alone for {@code retryRedisAfter}; a beat counts this instance in
     * for {@code instanceCountsFor} (RateLimitProperties).
     */
    SharedBuckets(@Nullable LettuceConnectionFactory redis, Duration retryRedisAfter, Duration instanceCountsFor) {
        this.redis = redis;
        this.retryRedisAfter = retryRedisAfter;
        this.instanceCountsFor = instanceCountsFor;
    }

    /**
     * Takes {@code tokens} from the shared bucket (a negative number gives them back), or returns
     * null when Redis cannot answer now: the caller then decides alone, and this is counted.
     */
    @Nullable Taken take(String key, RateLimit limit, int tokens) {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null) {
            return null; // not connected yet: the heartbeat connects, and logs it if it cannot
        }
        if (resting()) {
            outages.counted();
            return null;
        }
        try {
            if (!current.isOpen()) {
                throw new RedisConnectionException("disconnected; Lettuce is reconnecting");
            }
            List<Long> answer = run(current.async(), TAKE, ScriptOutputType.MULTI, key,
                    Integer.toString(limit.requests()), Long.toString(limit.period().toNanos() / 1000),
                    Integer.toString(tokens));
            outages.recovered();
            return new Taken(answer.get(0) == 1, TimeUnit.MICROSECONDS.toNanos(answer.get(1)), answer.get(2));
        } catch (TimeoutException | RuntimeException e) {
            // Also a command Lettuce cancelled as its connection dropped: a request never fails for Redis.
            unavailable("a rate-limit check", e);
            return null;
        }
    }

    /**
     * Counts this instance in (connecting first if need be), and learns how many instances share
     * the limits. Called every few seconds, by web instances only.
     */
    void heartbeat() {
        if (redis == null || left) {
            return;
        }
        try {
            Long counted = run(connect(), BEAT, ScriptOutputType.INTEGER, INSTANCES_KEY, instanceId,
                    Long.toString(instanceCountsFor.toMillis()));
            instances = Math.max(1, counted.intValue());
            outages.recovered();
        } catch (TimeoutException | RuntimeException e) {
            unavailable("the count of instances", e);
        }
    }

    /** Stops counting this instance in, as it shuts down (while its connection is still open). */
    void leave() {
        left = true;
        StatefulRedisConnection<String, String> current = connection;
        // Requests still finishing decide alone, as before the first connect: no outage to log.
        connection = null;
        if (current != null && current.isOpen()) {
            try {
                await(current.async().zrem(INSTANCES_KEY, instanceId));
            } catch (TimeoutException | RuntimeException e) {
                // It stops counting after instanceCountsFor anyway.
            }
            current.close();
        }
    }

    /**
     * How many instances shared the limits at the last beat that reached Redis: while it cannot be
     * reached, each takes this share of every limit. 1 until a beat has reached Redis.
     */
    int instances() {
        return instances;
    }

    /** How many times Redis has become unavailable: a new outage starts each instance's own buckets afresh. */
    long outagesSoFar() {
        return outages.begun();
    }

    /** Whether the next request would count in Redis. */
    boolean reachable() {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null || !current.isOpen() || resting()) {
            return false;
        }
        try {
            return "PONG".equals(await(current.async().ping()));
        } catch (TimeoutException | RuntimeException e) {
            return false;
        }
    }

    /** Whether Redis failed less than {@code retryRedisAfter} ago, and is left alone until then. */
    private boolean resting() {
        return outages.down() && System.nanoTime() - redisRetryAt < 0;
    }

    /** This class's own connection; Lettuce reconnects it by itself after Redis comes back. */
    private synchronized RedisAsyncCommands<String, String> connect() {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null) {
            // Spring Boot supports a Redis Cluster with its own client type; RedisSettings does not name one.
            current = ((RedisClient) redis.getRequiredNativeClient()).connect(StringCodec.UTF8);
            connection = current;
        }
        return current.async();
    }

    /** Runs a script by its digest, sending its text only when Redis does not know it (after a restart). */
    @SuppressWarnings("unchecked")
    private static <T> T run(RedisAsyncCommands<String, String> commands, Script script, ScriptOutputType type,
            String key, String... arguments) throws TimeoutException {
        String[] keys = {key};
        try {
            return (T) await(commands.evalsha(script.digest(), type, keys, arguments));
        } catch (RedisNoScriptException e) {
            return (T) await(commands.eval(script.text(), type, keys, arguments));
        }
    }

    /** The reply within {@link #REDIS_TIMEOUT}, or a TimeoutException; Redis's own errors are thrown as they are. */
    private static <T> T await(RedisFuture<T> reply) throws TimeoutException {
        try {
            return reply.get(REDIS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply.cancel(false);
            throw new TimeoutException("no answer within " + REDIS_TIMEOUT.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Leaves Redis alone for {@code retryRedisAfter}: each request would wait for its timeout. */
    private void unavailable(String during, Exception e) {
        redisRetryAt = System.nanoTime() + retryRedisAfter.toNanos();
        outages.failed(during, e);
    }

    /** A Lua script and its SHA-1, by which Redis runs it once it knows it. */
    private record Script(String text, String digest) {

        Script(String text) {
            this(text, sha1(text));
        }

        private static String sha1(String text) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                        .digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-1", e);
            }
        }
    }
}
