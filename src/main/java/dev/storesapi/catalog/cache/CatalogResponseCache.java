package dev.storesapi.catalog.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Serialized catalog responses by request path and query, bounded in bytes (CATALOG_CACHE_SIZE,
 * least recently and frequently used go first). An entry is served only while nothing it depends on
 * has changed ({@link CatalogVersions}) and while this instance hears other instances' writes
 * ({@link CatalogChangeListener}); otherwise requests go to the database as if there were no cache.
 */
@Component
@EnableConfigurationProperties(CatalogCacheProperties.class)
public class CatalogResponseCache {

    private final CatalogVersions versions;
    private final CatalogChangeListener listener;
    private final boolean enabled;
    private final Cache<String, CachedResponse> responses;

    CatalogResponseCache(CatalogVersions versions, CatalogChangeListener listener, CatalogCacheProperties properties,
            MeterRegistry meters) {
        this.versions = versions;
        this.listener = listener;
        this.enabled = properties.caching();
        this.responses = Caffeine.newBuilder()
                .maximumWeight(properties.maxSize().toBytes())
                .weigher((String key, CachedResponse response) -> response.weight(key))
                .recordStats()
                .build();
        // cache_gets_total{cache="catalog",result="hit|miss"}, cache_size, cache_evictions_total...
        CaffeineCacheMetrics.monitor(meters, responses, "catalog");
    }

    /** Whether the cache may be read and filled now. */
    boolean usable() {
        return enabled && listener.hearing();
    }

    /** The stamp of a response whose rows are about to be read. */
    long stamp() {
        return versions.now();
    }

    /** The current cached response for this key, or null. */
    CachedResponse find(String key) {
        if (!usable()) {
            return null;
        }
        CachedResponse response = responses.getIfPresent(key);
        return response != null && versions.unchangedSince(response.stamp(), response.storeId()) ? response : null;
    }

    void put(String key, CachedResponse response) {
        if (usable() && versions.unchangedSince(response.stamp(), response.storeId())) {
            responses.put(key, response);
        }
    }

    /** Responses held, current or not (for tests and benchmarks). */
    public long size() {
        return responses.estimatedSize();
    }

    /**
     * Forgets every cached response of this instance; for changes made outside the API, the same
     * for every instance is {@code NOTIFY catalog_changes, '*'} (docs/api.md "Caching and conditional requests").
     */
    public void clear() {
        versions.allChanged();
        responses.invalidateAll();
    }
}
