package dev.storesapi.user;

import dev.storesapi.error.ServiceUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The sign-ups in flight in this instance, by normalised username and email. A sign-up claims both
 * before it looks in the database; one that finds either claimed waits until that sign-up is over
 * (on a virtual thread waiting costs next to nothing), then looks in the database itself: a burst
 * of duplicates gets 409s after the first one's hash, instead of each queueing for a hashing slot
 * and some getting 503 (docs/api.md "Errors"). The wait is bounded: a sign-up still in flight after
 * {@code maxWait} is no longer waited for, and the unique constraints decide, as they do between
 * instances.
 */
final class SignUpClaims {

    private final ConcurrentHashMap<String, CountDownLatch> claimed = new ConcurrentHashMap<>();
    private final Duration maxWait;

    SignUpClaims(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /** Waits until neither key is claimed by another sign-up, then claims both; close the claim when done. */
    Claim claim(String usernameKey, String emailKey) {
        List<String> keys = List.of("username:" + usernameKey, "email:" + emailKey);
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            Claim mine = new Claim(new ArrayList<>(keys.size()), new CountDownLatch(1));
            CountDownLatch earlier = null;
            for (String key : keys) {
                earlier = claimed.putIfAbsent(key, mine.done);
                if (earlier != null) {
                    break;
                }
                mine.keys.add(key);
            }
            if (earlier == null) {
                return mine;
            }
            // Holds nothing while it waits, so two sign-ups sharing a key can never wait for each other.
            mine.close();
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !earlier.await(left, TimeUnit.NANOSECONDS)) {
                    return new Claim(List.of(), new CountDownLatch(1));
                }
            } catch (InterruptedException interrupted) {
                // The instance is stopping: the sign-up is refused as unavailable, to be tried again.
                Thread.currentThread().interrupt();
                throw new ServiceUnavailableException("The service is restarting. Try again in a few seconds.", 5);
            }
        }
    }

    final class Claim implements AutoCloseable {

        private final List<String> keys;
        private final CountDownLatch done;

        private Claim(List<String> keys, CountDownLatch done) {
            this.keys = keys;
            this.done = done;
        }

        @Override
        public void close() {
            keys.forEach(key -> claimed.remove(key, done));
            done.countDown();
        }
    }
}
