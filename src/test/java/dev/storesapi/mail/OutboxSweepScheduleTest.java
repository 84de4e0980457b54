package dev.storesapi.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * How often the sweep publishes again a job that is not sent (OutboxRelay.nextLook): soon after a
 * loss, and ever more rarely while nobody reads the copies, so that a stopped worker does not fill
 * the stream with them.
 */
class OutboxSweepScheduleTest {

    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(30);
    private static final Duration REDELIVER_AFTER = Duration.ofMinutes(5);
    private static final Instant PUBLISHED = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aJobNobodyReadsIsPublishedAtMostFiveTimesInAnHourAndTenInADay() {
        assertThat(publishesWithin(Duration.ofHours(1))).isLessThanOrEqualTo(5);
        assertThat(publishesWithin(Duration.ofDays(1))).isLessThanOrEqualTo(10);
    }

    @Test
    void aJobPublishedLessThanRedeliverAfterAgoIsLookedAtRedeliverAfterLater() {
        Instant aMinuteLater = PUBLISHED.plusSeconds(60);

        assertThat(OutboxRelay.nextLook(null, PUBLISHED, REDELIVER_AFTER)).isEqualTo(PUBLISHED.plus(REDELIVER_AFTER));
        assertThat(OutboxRelay.nextLook(PUBLISHED, aMinuteLater, REDELIVER_AFTER))
                .isEqualTo(aMinuteLater.plus(REDELIVER_AFTER));
    }

    @Test
    void aJobLostAfterWaitingADayIsPublishedAgainWithinADay() {
        Instant aDayLater = PUBLISHED.plus(Duration.ofDays(1));

        assertThat(OutboxRelay.nextLook(PUBLISHED, aDayLater, REDELIVER_AFTER)).isEqualTo(aDayLater.plus(Duration.ofDays(1)));
    }

    /** The publish after the commit, then every publish of a sweep every 30 s that finds the job due. */
    private static int publishesWithin(Duration period) {
        int publishes = 1;
        Instant due = OutboxRelay.nextLook(null, PUBLISHED, REDELIVER_AFTER);
        for (Instant sweep = PUBLISHED.plus(SWEEP_INTERVAL); !sweep.isAfter(PUBLISHED.plus(period));
                sweep = sweep.plus(SWEEP_INTERVAL)) {
            if (due.isBefore(sweep)) {
                publishes++;
                due = OutboxRelay.nextLook(PUBLISHED, sweep, REDELIVER_AFTER);
            }
        }
        return publishes;
    }
}
