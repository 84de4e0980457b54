package dev.storesapi.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

import dev.storesapi.auth.AuthService;
import dev.storesapi.auth.JwtService;
import dev.storesapi.auth.SliceTokens;
import dev.storesapi.error.ConflictException;
import dev.storesapi.error.NotFoundException;
import dev.storesapi.support.ApiSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * How request validation and the exceptions of the layers below become problems (docs/api.md
 * "Errors"), through the real security chain and error handling ({@link ApiSlice}) but without a
 * server or the API's own servlet filters. The service is a stand-in, so each case is one line of
 * setup and runs in milliseconds; the integration tests cover the same paths over HTTP against the
 * real services, and what Tomcat and the servlet filters refuse (web/ErrorResponsesIT).
 */
@ApiSlice
class StoreRequestsWebMvcTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StoreService stores;

    @Autowired
    JwtService jwt;

    @Autowired
    AuthService auth;

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

    /** The catalog produces application/json only: an Accept header that cannot be read gets the 406 problem. */
    @Test
    void anUnreadableAcceptHeaderGetsTheProblemOf406BeforeTheStoreIsRead() {
        assertThat(mvc.get().uri("/store/7").header("Accept", "???")).hasStatus(406)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .extractingPath("$.error").isEqualTo("not_acceptable");
        then(stores).shouldHaveNoInteractions();
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
        return mvc.post().uri("/store").header(HttpHeaders.AUTHORIZATION, "Bearer " + SliceTokens.admin(jwt, auth, 1))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }
}
