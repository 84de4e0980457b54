package dev.storesapi.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker's back-off and log throttling while Redis is down, on a clock of its own. */
class StreamOutageTest {

    private static final Duration MAX_WAIT = Duration.ofSeconds(10);
    private final AtomicLong now = new AtomicLong();
    /** The defaults of application.yml: waits up to 10 s, a line a minute. */
    private final StreamOutage outage = new StreamOutage(now::get, MAX_WAIT, Duration.ofMinutes(1));
    private final List<String> lines = new ArrayList<>();

    @Test
    void waitsLongerAfterEachFailureUpToTheCap() {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Duration wait = outage.failed("Connection refused", lines::add);
            waits.add(wait);
            now.addAndGet(wait.toNanos());
        }

        assertThat(waits.getFirst()).isEqualTo(StreamOutage.MIN_WAIT);
        assertThat(waits.get(1)).isEqualTo(StreamOutage.MIN_WAIT.multipliedBy(2));
        assertThat(waits.getLast()).isEqualTo(MAX_WAIT);
    }

    @Test
    void logsTheStartOfAnOutageThenOncePerPeriodWithTheCount() {
        for (int i = 0; i < 10_000; i++) {
            outage.failed("Connection refused", lines::add);
            now.addAndGet(Duration.ofMillis(10).toNanos()); // 100 s in all, failing fast
        }

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("Email stream unavailable: Connection refused");
        assertThat(lines.get(1)).startsWith("Email stream still unavailable: Connection refused (6000 failed reads in the last 60 s)");
    }

    @Test
    void waitsAndLogsByTheIntervalsItIsGiven() {
        StreamOutage quick = new StreamOutage(now::get, Duration.ofMillis(500), Duration.ofSeconds(2));
        Duration wait = Duration.ZERO;
        for (int i = 0; i < 600; i++) {
            wait = quick.failed("Connection refused", lines::add);
            now.addAndGet(Duration.ofMillis(10).toNanos()); // 6 s in all
        }

        assertThat(wait).isEqualTo(Duration.ofMillis(500));
        assertThat(lines).hasSize(3); // at 0, 2 and 4 s
        assertThat(lines.get(0)).endsWith("(up to 0.5 s)");
        assertThat(lines.get(1)).startsWith("Email stream still unavailable: Connection refused (200 failed reads in the last 2 s)");
    }

    @Test
    void aFailureLongAfterThePreviousOneStartsANewOutage() {
        outage.failed("Connection refused", lines::add);
        outage.failed("Connection refused", lines::add);
        now.addAndGet(Duration.ofMinutes(5).toNanos());

        Duration wait = outage.failed("Connection reset", lines::add);

        assertThat(wait).isEqualTo(StreamOutage.MIN_WAIT);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("Email stream unavailable: Connection reset");
    }
}
