package dev.storesapi.idempotency;

import dev.storesapi.error.ApiException;
import org.springframework.http.HttpStatus;

/** The Idempotency-Key of another request (method, path or body) of the same caller. */
class IdempotencyKeyReusedException extends ApiException {

    static final String CODE = "idempotency_key_reused";

    IdempotencyKeyReusedException() {
        super(HttpStatus.UNPROCESSABLE_CONTENT, CODE,
                "This Idempotency-Key was used for another request: use a new key for a new request.");
    }
}
