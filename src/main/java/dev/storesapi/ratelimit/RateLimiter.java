package dev.storesapi.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Token buckets shared by every instance through Redis when Redis is configured, so that ten
 * instances do not allow ten times the limit. While Redis cannot answer, and without it, each
 * instance decides alone, in memory (Bucket4j), on its share of each limit: the limit divided by
 * the number of instances that last shared it, so that together they still allow about the limit,
 * and less what Redis had already counted (docs/security.md, "Rate limits"). No request fails
 * because Redis is down.
 */
public class RateLimiter {

    /**
     * "v2": a hash the Lua script of {@link SharedBuckets} keeps; the buckets of earlier releases
     * (Bucket4j's, strings) keep their own keys while a deploy rolls over, until they expire.
     */
    private static final String KEY_PREFIX = "rate-limit:v2:";

    private final RateLimitProperties properties;
    private final SharedBuckets sharedBuckets;
    /** Set once this process serves HTTP: only web instances count in the shares. */
    private volatile boolean serving;
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
    /** What each shared bucket had left when this instance last asked: where its own buckets start. */
    private final Cache<String, LastSeen> lastSeen = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();

    private record LastSeen(long remaining, long at) {
    }

    /** {@code redis} null: each instance enforces the whole of each limit alone. */
    public RateLimiter(RateLimitProperties properties, @Nullable LettuceConnectionFactory redis) {
        this.properties = properties;
        this.sharedBuckets = new SharedBuckets(redis, properties.retryRedisAfter(), properties.instanceCountsFor());
    }

    @EventListener(WebServerInitializedEvent.class)
    void serving() {
        serving = true;
    }

    /** Stops counting this instance in as it shuts down, before Spring Boot closes the Redis client. */
    @EventListener(ContextClosedEvent.class)
    void leave() {
        sharedBuckets.leave();
    }

    /** Counts this instance among those sharing the limits, and connects to Redis (in the background). */
    @Scheduled(fixedDelayString = "${stores.rate-limit.heartbeat-interval}")
    void heartbeat() {
        if (serving && properties.enabled()) {
            sharedBuckets.heartbeat();
        }
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
        SharedBuckets.Taken shared = sharedBuckets.take(bucketKey, limit, 1);
        if (shared == null) {
            ConsumptionProbe probe = localBucket(bucketKey, limit).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                throw refusedAfterDelay(probe.getNanosToWaitForRefill());
            }
            return;
        }
        lastSeen.put(bucketKey, new LastSeen(shared.remaining(), now));
        if (!shared.consumed()) {
            // This instance's own buckets are cheap to ask, and must not outlive an outage.
            refusedUntil.put(bucketKey, now + shared.nanosToWait());
            throw refusedAfterDelay(shared.nanosToWait());
        }
    }

    /** Returns a request taken by {@link #acquire} (a sign-in that succeeded does not count). */
    public void giveBack(String name, RateLimit limit, String key) {
        if (properties.enabled()) {
            String bucketKey = bucketKey(name, limit, key);
            SharedBuckets.Taken shared = sharedBuckets.take(bucketKey, limit, -1);
            if (shared == null) {
                localBucket(bucketKey, limit).addTokens(1);
            } else {
                lastSeen.put(bucketKey, new LastSeen(shared.remaining(), System.nanoTime()));
            }
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

    /**
     * This instance's bucket for the key, holding its share of the limit (at least one request),
     * started afresh in each Redis outage.
     */
    private Bucket localBucket(String bucketKey, RateLimit limit) {
        int instances = sharedBuckets.instances();
        RateLimit share = limit.share(instances);
        return localBuckets.get(bucketKey + "@" + share + "#" + sharedBuckets.outagesSoFar(), ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(share.requests()).refillGreedy(share.requests(), share.period())
                        .initialTokens(startingTokens(bucketKey, limit, share, instances)).build())
                .build());
    }

    /**
     * The share, or less if the shared bucket had less left when this instance last asked (refilled
     * since, and divided among the instances): a limit Redis had counted most of before it failed
     * is not handed out whole again.
     */
    private long startingTokens(String bucketKey, RateLimit limit, RateLimit share, int instances) {
        LastSeen seen = lastSeen.getIfPresent(bucketKey);
        if (seen == null) {
            return share.requests();
        }
        double refilled = (double) (System.nanoTime() - seen.at()) / limit.period().toNanos() * limit.requests();
        double left = Math.min(limit.requests(), seen.remaining() + refilled);
        return Math.min(share.requests(), (long) (left / instances));
    }

    /** Whether the next request would count in Redis (tests wait for it after a Redis restart). */
    boolean redisReachable() {
        return sharedBuckets.reachable();
    }

    /** How many instances this one counts on sharing the limits with (tests wait for both of theirs). */
    int instancesSharing() {
        return sharedBuckets.instances();
    }
}
