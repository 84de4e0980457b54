package dev.storesapi.mail;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * While the email stream cannot be read (Redis down), how long the reading thread waits before the
 * next try, and whether to log: the wait doubles from {@code MIN_WAIT} up to {@code MAX_WAIT}, and
 * one line is logged when an outage starts and then at most once per {@code LOG_EVERY}, with the
 * count of failed reads since the last line. Without it the listener retried at once, thousands of
 * times a second, each with a log line. A read that fails long after the previous failure (more
 * than the wait plus {@code QUIET}) starts a new outage: the reads in between succeeded.
 */
final class StreamOutage {

    static final Duration MIN_WAIT = Duration.ofMillis(100);
    static final Duration MAX_WAIT = Duration.ofSeconds(10);
    static final Duration LOG_EVERY = Duration.ofMinutes(1);
    /**
     * Longer than one failing read can take (a Redis command times out after REDIS_TIMEOUT, 2 s by
     * default, a poll blocks for 1 s): a longer gap after the wait means reads succeeded meanwhile.
     */
    private static final long QUIET_NANOS = Duration.ofSeconds(15).toNanos();

    private final LongSupplier nanoTime;
    private boolean inOutage;
    private long waitNanos;
    private long lastFailure;
    private long lastLog;
    private long failedSinceLog;

    StreamOutage(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
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
                    + MAX_WAIT.toSeconds() + " s)");
        } else {
            waitNanos = Math.min(waitNanos * 2, MAX_WAIT.toNanos());
            if (now - lastLog >= LOG_EVERY.toNanos()) {
                warn.accept("Email stream still unavailable: " + reason + " (" + failedSinceLog
                        + " failed reads in the last " + (now - lastLog) / 1_000_000_000L + " s)");
                lastLog = now;
                failedSinceLog = 0;
            }
        }
        return Duration.ofNanos(waitNanos);
    }
}
