package dev.storesapi.ratelimit;

/** A limit of README "Security" is used up: answered 429 rate_limited with Retry-After. */
public class RateLimitedException extends RuntimeException {

    public static final String DETAIL = "Too many requests. Try again later.";

    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super(DETAIL, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
