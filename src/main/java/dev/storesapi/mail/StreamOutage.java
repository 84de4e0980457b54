package dev.storesapi.mail;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * While the email stream cannot be read (Redis down), how long the reading thread waits before the
 * next try, and whether to log: the wait doubles from {@code MIN_WAIT} up to {@code maxWait}, and
 * one line is logged when an outage starts and then at most once per {@code logEvery}, with the
 * count of failed reads since the last line. Without it the listener retried at once, thousands of
 * times a second, each with a log line. A read that fails long after the previous failure (more
 * than the wait plus {@code QUIET}) starts a new outage: the reads in between succeeded. The cap and
 * the log interval are settings of {@link EmailProperties} (stores.email.stream-outage-*).
 */
final class StreamOutage {

    static final Duration MIN_WAIT = Duration.ofMillis(100);
    /**
     * Longer than one failing read can take (a Redis command times out after REDIS_TIMEOUT, 2 s by
     * default, a poll blocks for 1 s): a longer gap after the wait means reads succeeded meanwhile.
     */
    private static final long QUIET_NANOS = Duration.ofSeconds(15).toNanos();

    private final LongSupplier nanoTime;
    private final Duration maxWait;
    private final long logEveryNanos;
    private boolean inOutage;
    private long waitNanos;
    private long lastFailure;
    private long lastLog;
    private long failedSinceLog;

    StreamOutage(LongSupplier nanoTime, Duration maxWait, Duration logEvery) {
        this.nanoTime = nanoTime;
        this.maxWait = maxWait;
        this.logEveryNanos = logEvery.toNanos();
    }

    /** Records a failed read, logs if due, and returns how long to wait before the next read. */
    synchronized Duration failed(String reason, Consumer<String> warn) {
        long now = nanoTime.getAsLong();
        if (inOutage && now - lastFailure > waitNanos + QUIET_NANOS) {
            inOutage = false;
        }
        lastFailure = now;
        failedSinceLog++;
        if (!inOutage) {
            inOutage = true;
            waitNanos = MIN_WAIT.toNanos();
            lastLog = now;
            failedSinceLog = 0;
            warn.accept("Email stream unavailable: " + reason + "; retrying with back-off (up to "
                    + maxWait.toMillis() / 1000.0 + " s)");
        } else {
            waitNanos = Math.min(waitNanos * 2, maxWait.toNanos());
            if (now - lastLog >= logEveryNanos) {
                warn.accept("Email stream still unavailable: " + reason + " (" + failedSinceLog
                        + " failed reads in the last " + (now - lastLog) / 1_000_000_000L + " s)");
                lastLog = now;
                failedSinceLog = 0;
            }
        }
        return Duration.ofNanos(waitNanos);
    }
}
