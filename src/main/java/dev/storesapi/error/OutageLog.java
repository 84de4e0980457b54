package dev.storesapi.error;

import java.util.Locale;
import org.slf4j.Logger;

/**
 * The log of one dependency's outages (the database, Redis): a warning when one begins, with the
 * failure that began it, and a line when it ends, with how long it lasted and how much it affected.
 * Nothing in between, so that a flood of requests during an outage does not flood the log
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
    /** Written under the lock; read without it, on every check of a rate limit decided alone. */
    private volatile long begun;

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
    public synchronized boolean failed(String during, Throwable failure) {
        count++;
        if (down) {
            return false;
        }
        down = true;
        began = System.nanoTime();
        begun++;
        // Logged under the lock, so that an outage's end is never logged before its beginning.
        log.warn("{} unavailable ({}: {}); {} until it is back, which is logged with a count", dependency, during,
                failure.getMessage(), meanwhile);
        return true;
    }

    /** Counts one more thing the outage going on affected, if there is one. */
    public void counted() {
        if (down) {
            synchronized (this) {
                if (down) {
                    count++;
                }
            }
        }
    }

    /** The dependency answered: ends the outage going on, if any. */
    public void recovered() {
        if (!down) {
            return; // the usual case, without a lock: this is called on every answer
        }
        synchronized (this) {
            if (down) {
                down = false;
                log.info("{} available again after {} s; {} {} meanwhile", dependency,
                        String.format(Locale.ROOT, "%.1f", (System.nanoTime() - began) / 1e9), count, affected);
                count = 0;
            }
        }
    }

    public boolean down() {
        return down;
    }

    /** How many outages have begun so far. */
    public long begun() {
        return begun;
    }
}
