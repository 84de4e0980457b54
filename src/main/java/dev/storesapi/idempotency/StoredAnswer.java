package dev.storesapi.idempotency;

import org.jspecify.annotations.Nullable;

/** The answer of a first request, as a repeat gets it again. */
record StoredAnswer(int status, @Nullable String contentType, @Nullable String location, @Nullable String etag,
        String body) {
}
