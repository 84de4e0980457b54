package dev.storesapi.idempotency;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignUpTurnsTest {

    @Test
    void aQuarterOfThePoolRunsAtOnceAndTheNextWaitsThenGivesUp() throws InterruptedException {
        SignUpTurns turns = new SignUpTurns(10, Duration.ofMillis(50));

        assertThat(turns.take()).isTrue();
        assertThat(turns.take()).isTrue();
        long start = System.nanoTime();
        assertThat(turns.take()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));

        turns.give();
        assertThat(turns.take()).isTrue();
    }

    @Test
    void aSmallPoolStillLetsOneRun() throws InterruptedException {
        SignUpTurns turns = new SignUpTurns(3, Duration.ZERO);

        assertThat(turns.take()).isTrue();
        assertThat(turns.take()).isFalse();
    }
}
