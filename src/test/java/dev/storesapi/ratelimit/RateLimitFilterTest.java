package dev.storesapi.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which clients share a per-IP bucket. */
class RateLimitFilterTest {

    @Test
    void anIpv4AddressIsItsOwnKey() {
        assertThat(RateLimitFilter.clientKey("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void ipv6AddressesOfOneSlash64ShareAKey() {
        String key = RateLimitFilter.clientKey("2001:db8:1:2:3:4:5:6");

        assertThat(RateLimitFilter.clientKey("2001:db8:1:2:ffff::1")).isEqualTo(key);
        assertThat(RateLimitFilter.clientKey("2001:0db8:0001:0002::")).isEqualTo(key);
        assertThat(RateLimitFilter.clientKey("2001:db8:1:3::1")).isNotEqualTo(key);
    }
}
