package dev.storesapi.web;

import dev.storesapi.support.ApiClient;
import dev.storesapi.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests are timed once (http.server.requests), not once more per Spring Security filter. */
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
}
