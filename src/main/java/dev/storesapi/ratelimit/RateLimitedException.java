package dev.storesapi.ratelimit;

import dev.storesapi.error.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** A limit of docs/security.md is used up; Retry-After says when the next request will pass. */
public class RateLimitedException extends ApiException {

    public static final String CODE = "rate_limited";
    public static final String DETAIL = "Too many requests. Try again later.";

    public RateLimitedException(long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, CODE, DETAIL);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }
}
