package dev.storesapi.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.lettuce.core.RedisException;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) shared by every instance through Redis when REDIS_URL is set, so that
 * ten instances do not allow ten times the limit; this instance's own buckets otherwise, and while
 * Redis cannot be reached: then requests are still served, each instance enforcing the limits alone
 * ({@link SharedBuckets}; docs/security.md).
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimiter implements DisposableBean {

    private static final String KEY_PREFIX = "rate-limit:";

    private final RateLimitProperties properties;
    private final SharedBuckets sharedBuckets;
    /** Bounded, so that a flood of made-up usernames or addresses cannot fill the heap. */
    private final Cache<String, Bucket> localBuckets = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();
    /**
     * Keys refused until a known time: a flood of one key is answered here, without a Redis round
     * trip each, until its bucket can have a token again (no other instance can make that sooner).
     */
    private final Cache<String, Long> refusedUntil = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();

    public RateLimiter(RateLimitProperties properties, @Value("${spring.data.redis.url:}") String redisUrl) {
        this.properties = properties;
        this.sharedBuckets = new SharedBuckets(redisUrl);
    }

    /** Takes one request from the caller's bucket for this limit, or throws {@link RateLimitedException}. */
    public void acquire(String name, RateLimit limit, String key) {
        if (!properties.enabled()) {
            return;
        }
        String bucketKey = bucketKey(name, limit, key);
        Long until = refusedUntil.getIfPresent(bucketKey);
        long now = System.nanoTime();
        if (until != null && until - now > 0) {
            throw refusedAfterDelay(until - now);
        }
        Answer<ConsumptionProbe> answer = withBucket(bucketKey, limit, bucket -> bucket.tryConsumeAndReturnRemaining(1));
        ConsumptionProbe probe = answer.value();
        if (!probe.isConsumed()) {
            if (answer.shared()) {
                // This instance's own buckets are cheap to ask, and must not outlive an outage.
                refusedUntil.put(bucketKey, now + probe.getNanosToWaitForRefill());
            }
            throw refusedAfterDelay(probe.getNanosToWaitForRefill());
        }
    }

    /** Returns a request taken by {@link #acquire} (a sign-in that succeeded does not count). */
    public void giveBack(String name, RateLimit limit, String key) {
        if (properties.enabled()) {
            String bucketKey = bucketKey(name, limit, key);
            withBucket(bucketKey, limit, bucket -> {
                bucket.addTokens(1);
                return null;
            });
            refusedUntil.invalidate(bucketKey);
        }
    }

    private RateLimitedException refusedAfterDelay(long nanosToWait) {
        try {
            Thread.sleep(properties.refusalDelay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new RateLimitedException(Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L));
    }

    /**
     * The limit is part of the key: a changed limit starts new buckets at once, and instances
     * configured differently do not share a bucket made for the other's limit.
     */
    private static String bucketKey(String name, RateLimit limit, String key) {
        return KEY_PREFIX + name + ":" + limit + ":" + key;
    }

    /** The answer of a bucket, and whether it was the bucket shared through Redis. */
    private record Answer<T>(T value, boolean shared) {
    }

    private <T> Answer<T> withBucket(String bucketKey, RateLimit limit, Function<Bucket, T> use) {
        ProxyManager<String> redis = sharedBuckets.manager();
        if (redis != null) {
            try {
                T result = use.apply(redis.getProxy(bucketKey, () -> configuration(limit)));
                sharedBuckets.answered();
                return new Answer<>(result, true);
            } catch (RedisException | io.github.bucket4j.TimeoutException e) {
                sharedBuckets.unavailable(e);
            }
        }
        Bucket local = localBuckets.get(bucketKey, ignored -> Bucket.builder().addLimit(bandwidth(limit)).build());
        return new Answer<>(use.apply(local), false);
    }

    /** Whether the next request would count in Redis (tests wait for it after a Redis restart). */
    boolean redisReachable() {
        return sharedBuckets.reachable();
    }

    private static BucketConfiguration configuration(RateLimit limit) {
        return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
    }

    private static Bandwidth bandwidth(RateLimit limit) {
        return Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()).build();
    }

    @Override
    public void destroy() {
        sharedBuckets.close();
    }
}
