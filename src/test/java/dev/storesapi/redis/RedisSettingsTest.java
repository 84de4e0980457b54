package dev.storesapi.redis;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/configuration.md "Redis": a URL, a host or a sentinel master names a Redis; nothing else does. */
class RedisSettingsTest {

    @Test
    void aUrlAHostOrASentinelMasterNamesARedis() {
        assertThat(RedisSettings.configured(new MockEnvironment()
                .withProperty("spring.data.redis.url", "redis://127.0.0.1:6379"))).isTrue();
        assertThat(RedisSettings.configured(new MockEnvironment()
                .withProperty("spring.data.redis.host", "redis.internal"))).isTrue();
        assertThat(RedisSettings.configured(new MockEnvironment()
                .withProperty("spring.data.redis.sentinel.master", "mymaster"))).isTrue();
    }

    @Test
    void portOrPasswordAloneOrBlankSettingsNameNone() {
        assertThat(RedisSettings.configured(new MockEnvironment())).isFalse();
        assertThat(RedisSettings.configured(new MockEnvironment()
                .withProperty("spring.data.redis.url", " ")
                .withProperty("spring.data.redis.port", "6380")
                .withProperty("spring.data.redis.password", "secret"))).isFalse();
    }
}
