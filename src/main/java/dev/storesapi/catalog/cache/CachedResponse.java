package dev.storesapi.catalog.cache;

/**
 * A catalog response as it went out: the JSON bytes, the headers that belong to the content, its
 * ETag, and what it depends on ({@code storeId}, or null for a list, which depends on any store).
 * {@code stamp} is the version clock read before its rows were.
 */
record CachedResponse(byte[] body, String contentType, String totalCount, String link, String etag,
        long stamp, Long storeId) {

    /** Bytes held for it, roughly: the body, the key's characters and the object headers around them. */
    int weight(String key) {
        return body.length + 2 * key.length() + 256;
    }
}
