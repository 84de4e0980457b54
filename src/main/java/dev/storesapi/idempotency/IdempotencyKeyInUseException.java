package dev.storesapi.idempotency;

import dev.storesapi.error.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The first request with this Idempotency-Key is still running. A create takes milliseconds, so
 * Retry-After says a second; the repeat then gets the first's answer.
 */
class IdempotencyKeyInUseException extends ApiException {

    static final String CODE = "idempotency_key_in_use";

    IdempotencyKeyInUseException() {
        super(HttpStatus.CONFLICT, CODE, "A request with this Idempotency-Key is still running: retry it later.");
        getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
    }
}
