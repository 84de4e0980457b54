package dev.storesapi.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;

import dev.storesapi.error.ConflictException;
import dev.storesapi.error.NotFoundException;
import jakarta.servlet.Filter;
import javax.sql.DataSource;
import org.h2.Driver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Spring MVC alone, without a server, the security chain or the servlet filters: how request
 * validation and the exceptions of the layers below become problems (docs/api.md "Errors"). The
 * service is a stand-in, so each case is one line of setup and runs in milliseconds; the
 * integration tests cover the same paths over HTTP against the real services.
 */
@WebMvcTest(controllers = StoreController.class, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = {"dev\\.storesapi\\.web\\.(ApiExceptionHandler|DatabaseAvailability|StrictInputConfig)",
                "dev\\.storesapi\\.config\\.StrictJsonConfig"}),
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = Filter.class))
@AutoConfigureMockMvc(addFilters = false)
@Import(StoreRequestsWebMvcTest.EmbeddedDataSource.class)
class StoreRequestsWebMvcTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    StoreService stores;

    @Test
    void aBlankNameIsAnInvalidField() {
        MvcTestResult result = create("{\"name\": \"  \"}");

        assertThat(result).hasStatus(422).bodyJson()
                .hasPathSatisfying("$.error", error -> assertThat(error).asString().isEqualTo("validation_failed"))
                .hasPathSatisfying("$.errors.name", messages -> assertThat(messages).asArray().isNotEmpty());
    }

    @Test
    void anUnknownFieldIsAnInvalidField() {
        assertThat(create("{\"name\": \"Shop\", \"owner\": \"me\"}")).hasStatus(422).bodyJson()
                .extractingPath("$.errors.owner[0]").isEqualTo("Unknown field.");
    }

    @Test
    void aNumberWhereTextBelongsIsAnInvalidField() {
        assertThat(create("{\"name\": 5}")).hasStatus(422).bodyJson()
                .hasPathSatisfying("$.errors.name", messages -> assertThat(messages).asArray().isNotEmpty());
    }

    @Test
    void brokenJsonIsAMalformedRequest() {
        assertThat(create("{\"name\": ")).hasStatus(400).bodyJson()
                .extractingPath("$.error").isEqualTo("malformed_request");
    }

    @Test
    void anIdThatIsNotANumberIsAMalformedRequest() {
        assertThat(mvc.get().uri("/store/abc")).hasStatus(400).bodyJson()
                .extractingPath("$.error").isEqualTo("malformed_request");
    }

    @Test
    void aPageSizeOutOfRangeIsRefused() {
        assertThat(mvc.get().uri("/store?size=1001")).hasStatus4xxClientError()
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aMissingStoreIsNotFoundWithTheServicesDetail() {
        given(stores.get(anyLong())).willThrow(new NotFoundException("Store not found."));

        assertThat(mvc.get().uri("/store/7")).hasStatus(404)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .isLenientlyEqualTo("""
                        {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "Store not found.",
                         "instance": "/store/7", "error": "not_found"}""");
    }

    @Test
    void anUnreadableAcceptHeaderStillGetsTheProblem() {
        given(stores.get(anyLong())).willThrow(new NotFoundException("Store not found."));

        assertThat(mvc.get().uri("/store/7").header("Accept", "???")).hasStatus(404)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .extractingPath("$.error").isEqualTo("not_found");
    }

    @Test
    void aDuplicateIsAConflict() {
        given(stores.create(any())).willThrow(new ConflictException("A store with that name already exists."));

        assertThat(create("{\"name\": \"Shop\"}")).hasStatus(409).bodyJson()
                .extractingPath("$.error").isEqualTo("conflict");
    }

    @Test
    void aConstraintTheServiceDidNotForeseeIsAConflict() {
        given(stores.create(any())).willThrow(new DataIntegrityViolationException("duplicate key"));

        assertThat(create("{\"name\": \"Shop\"}")).hasStatus(409).bodyJson()
                .extractingPath("$.detail").isEqualTo("The request conflicts with the current state of the data.");
    }

    @Test
    void anUnreachableDatabaseIsServiceUnavailableWithRetryAfter() {
        given(stores.get(anyLong())).willThrow(new CannotCreateTransactionException("connection refused"));

        assertThat(mvc.get().uri("/store/7")).hasStatus(503).hasHeader("Retry-After", "5").bodyJson()
                .extractingPath("$.error").isEqualTo("service_unavailable");
    }

    @Test
    void anythingElseIsAnInternalErrorThatShowsOnlyATraceId() throws Exception {
        given(stores.get(anyLong())).willThrow(new IllegalStateException("SELECT secret FROM somewhere"));

        MvcTestResult result = mvc.get().uri("/store/7").exchange();

        assertThat(result).hasStatus(500).bodyJson()
                .hasPathSatisfying("$.trace_id", id -> assertThat(id).asString().matches("[0-9a-f-]{36}"));
        assertThat(result.getResponse().getContentAsString()).doesNotContain("SELECT", "IllegalState");
    }

    private MvcTestResult create(String json) {
        return mvc.post().uri("/store").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    /** DatabaseAvailability asks the pool whether the database answers; a real, empty one is enough. */
    @TestConfiguration(proxyBeanMethods = false)
    static class EmbeddedDataSource {

        @Bean
        DataSource dataSource() {
            return new SimpleDriverDataSource(new Driver(), "jdbc:h2:mem:store-requests", "sa", "");
        }
    }
}
