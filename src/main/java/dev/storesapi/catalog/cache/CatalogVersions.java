package dev.storesapi.catalog.cache;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.springframework.stereotype.Component;

/**
 * Which cached responses a committed write made stale, without touching the cache: every change
 * takes the next number of one clock, and a response cached at clock value {@code s} is current
 * while nothing it depends on changed after {@code s}. A write therefore costs the same however
 * many responses are cached; stale ones are replaced when next asked for, or evicted by size.
 *
 * <p>A response depends on one store (a store, its tags, one item or tag: every row it shows
 * belongs to that store) or on any store (the lists). Stores share 4,096 slots by id: two stores
 * in one slot invalidate each other, which costs a cache miss, never a stale read, and keeps this
 * bounded however many stores come and go.
 */
@Component
class CatalogVersions {

    private static final int SLOTS = 4096;

    private final AtomicLong clock = new AtomicLong();
    private final AtomicLongArray storeChanged = new AtomicLongArray(SLOTS);
    private final AtomicLong anyChanged = new AtomicLong();
    private final AtomicLong allDropped = new AtomicLong();

    /** The clock now; taken before a response is read from the database, it is that response's stamp. */
    long now() {
        return clock.get();
    }

    /** Rows of these stores changed (committed): their responses and every list are stale. */
    void storesChanged(long... storeIds) {
        long version = clock.incrementAndGet();
        for (long storeId : storeIds) {
            storeChanged.accumulateAndGet(slot(storeId), version, Math::max);
        }
        anyChanged.accumulateAndGet(version, Math::max);
    }

    /** Anything may have changed (changes were missed): every cached response is stale. */
    void allChanged() {
        long version = clock.incrementAndGet();
        allDropped.accumulateAndGet(version, Math::max);
        anyChanged.accumulateAndGet(version, Math::max);
    }

    /** Whether a response stamped {@code stamp} that depends on {@code storeId} (null: on any store) is current. */
    boolean unchangedSince(long stamp, Long storeId) {
        long lastChange = storeId == null ? anyChanged.get() : storeChanged.get(slot(storeId));
        return allDropped.get() <= stamp && lastChange <= stamp;
    }

    private static int slot(long storeId) {
        return (int) Math.floorMod(storeId, (long) SLOTS);
    }
}
