package dev.storesapi.catalog.cache;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The near-cache of catalog responses (docs/api.md "Caching and conditional requests").
 *
 * @param enabled    serve catalog GETs from memory (CATALOG_CACHE_ENABLED); ETags and 304s work either way
 * @param maxSize    bound of the cached bodies and keys, in bytes (CATALOG_CACHE_SIZE)
 * @param listenUrl  JDBC URL of the connection that LISTENs for other instances' writes, when it must
 *                   differ from the pool's (for example past a PgBouncer in transaction mode, where
 *                   LISTEN does not work); empty: the pool's URL
 */
@ConfigurationProperties("stores.catalog-cache")
@Validated
public record CatalogCacheProperties(
        @NotNull Boolean enabled,
        @NotNull DataSize maxSize,
        String listenUrl) {

    public CatalogCacheProperties {
        if (maxSize != null && maxSize.isNegative()) {
            throw new IllegalArgumentException("CATALOG_CACHE_SIZE must not be negative, not " + maxSize);
        }
    }

    /** Whether responses are cached at all (a size of 0 turns the cache off, as CATALOG_CACHE_ENABLED=false does). */
    boolean caching() {
        return enabled && maxSize.toBytes() > 0;
    }
}
