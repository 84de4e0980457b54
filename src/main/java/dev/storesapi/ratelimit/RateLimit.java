package dev.storesapi.ratelimit;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;

/**
 * "At most {@code requests} per {@code period}", written {@code 5/1m} in configuration (docs/security.md).
 * Tokens come back gradually: a client that waits a fifth of the period gets one more.
 */
public record RateLimit(int requests, Duration period) {

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\S+)\\s*");

    public RateLimit {
        if (requests < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request per a positive period");
        }
    }

    /** Parses {@code 5/1m}, {@code 20/10s}, {@code 100/1h}; Spring's configuration binding calls this. */
    public static RateLimit valueOf(String text) {
        Matcher matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a rate limit like 5/1m");
        }
        return new RateLimit(Integer.parseInt(matcher.group(1)), DurationStyle.SIMPLE.parse(matcher.group(2)));
    }

    /**
     * One of {@code instances} equal parts of this limit, rounded down (at least one request), so
     * that together they allow no more than the limit, or one request each when there are more
     * instances than requests.
     */
    RateLimit share(int instances) {
        return instances <= 1 ? this : new RateLimit(Math.max(1, requests / instances), period);
    }

    @Override
    public String toString() {
        return requests + "/" + DurationStyle.SIMPLE.print(period);
    }
}
