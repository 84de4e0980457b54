package dev.storesapi.ratelimit;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/security.md "Rate limits": how a limit is written, and each instance's share while Redis is away. */
class RateLimitTest {

    @Test
    void isWrittenAsRequestsPerPeriod() {
        assertThat(RateLimit.valueOf(" 30 / 1m ")).isEqualTo(new RateLimit(30, Duration.ofMinutes(1)));
        assertThat(RateLimit.valueOf(RateLimit.valueOf("10/1h").toString())).isEqualTo(RateLimit.valueOf("10/1h"));
        assertThatThrownBy(() -> RateLimit.valueOf("0/1m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimit.valueOf("30 per minute")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sharesTogetherAllowNoMoreThanTheLimitAndEachAtLeastOneRequest() {
        RateLimit limit = RateLimit.valueOf("30/1m");
        assertThat(limit.share(1)).isEqualTo(limit);
        assertThat(limit.share(2)).isEqualTo(RateLimit.valueOf("15/1m"));
        assertThat(limit.share(7)).isEqualTo(RateLimit.valueOf("4/1m"));
        assertThat(RateLimit.valueOf("5/1m").share(3)).isEqualTo(RateLimit.valueOf("1/1m"));
        assertThat(RateLimit.valueOf("2/1h").share(5)).isEqualTo(RateLimit.valueOf("1/1h"));
    }
}
