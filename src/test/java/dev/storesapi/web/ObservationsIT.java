package dev.storesapi.web;

import dev.storesapi.support.ApiClient;
import dev.storesapi.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests are timed once (http.server.requests), not once more per Spring Security filter, and
 * also when a servlet filter refuses them before any controller runs (web/FilterOrder).
 */
@IntegrationTest
class ObservationsIT {

    @Autowired
    ObservationRegistry observations;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ApiClient api;

    @Test
    void springSecurityObservationsAreOffAndRequestsAreStillTimed() {
        assertThat(Observation.start("spring.security.filterchains", observations).isNoop()).isTrue();
        assertThat(Observation.start("spring.security.authorizations", observations).isNoop()).isTrue();

        api.get("/store");

        assertThat(meters.find("http.server.requests").tag("uri", "/store").timer()).isNotNull();
        assertThat(meters.find("spring.security.filterchains").meters()).isEmpty();
    }

    @Test
    void bodyRefusedAsTooLargeIsTimed() {
        long before = timed("POST", 413);

        String big = "{\"name\":\"" + "x".repeat((int) RequestBodyLimitFilter.MAX_BODY_BYTES) + "\"}";
        assertThat(api.raw("POST", "/store", "application/json", big).status()).isEqualTo(413);

        // The observation stops after the response has gone out.
        await().untilAsserted(() -> assertThat(timed("POST", 413)).isEqualTo(before + 1));
    }

    @Test
    void queryRefusedAsMalformedIsTimed() {
        long before = timed("GET", 400);

        assertThat(api.rawGet("/store?%FF=1")).startsWith("HTTP/1.1 400").contains(RequestSyntaxFilter.BAD_QUERY);

        await().untilAsserted(() -> assertThat(timed("GET", 400)).isEqualTo(before + 1));
    }

    private long timed(String method, int status) {
        return meters.find("http.server.requests").tag("method", method).tag("status", String.valueOf(status))
                .timers().stream().mapToLong(Timer::count).sum();
    }
}
