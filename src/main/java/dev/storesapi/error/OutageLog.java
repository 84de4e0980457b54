package dev.storesapi.error;

import java.time.Duration;
import org.slf4j.Logger;

/**
 * The log of one dependency's outages (the database, Redis): a warning when one begins, with the
 * failure that began it, and a line when it ends, with how long it lasted and how many requests it
 * affected. Nothing in between, so that a flood of requests during an outage does not flood the log
 * (docs/security.md, "What is logged").
 */
public final class OutageLog {

    private final Logger log;
    private final String dependency;
    private final String meanwhile;
    private final String affected;
    private volatile boolean down;
    private long began;
    private long count;

    /**
     * @param dependency what is unavailable, e.g. "Database"
     * @param meanwhile what happens until it is back, e.g. "requests that need it get 503"
     * @param affected what the count counts, e.g. "requests got 503"
     */
    public OutageLog(Logger log, String dependency, String meanwhile, String affected) {
        this.log = log;
        this.dependency = dependency;
        this.meanwhile = meanwhile;
        this.affected = affected;
    }

    /** Counts a failure; returns true (and logs) when it begins an outage. */
    public boolean failed(String during, Throwable failure) {
        synchronized (this) {
            count++;
            if (down) {
                return false;
            }
            down = true;
            began = System.nanoTime();
        }
        log.warn("{} unavailable ({}: {}); {} until it is back, which is logged with a count", dependency, during,
                failure.getMessage(), meanwhile);
        return true;
    }

    /** Counts one more affected request, if an outage is going on. */
    public synchronized void counted() {
        if (down) {
            count++;
        }
    }

    /** The dependency answered: ends the outage going on, if any. */
    public void recovered() {
        if (!down) {
            return; // the usual case, without a lock: this is called on every answer
        }
        long lasted;
        long affectedCount;
        synchronized (this) {
            if (!down) {
                return;
            }
            down = false;
            lasted = System.nanoTime() - began;
            affectedCount = count;
            count = 0;
        }
        log.info("{} available again after {} s; {} {} meanwhile", dependency, Duration.ofNanos(lasted).toSeconds(),
                affectedCount, affected);
    }

    public boolean down() {
        return down;
    }
}
