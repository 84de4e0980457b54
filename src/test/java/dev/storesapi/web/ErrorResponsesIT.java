package dev.storesapi.web;

import dev.storesapi.support.Admin;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.Catalog;
import dev.storesapi.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static dev.storesapi.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Every error class of docs/api.md "Errors", over HTTP: status, content type and body. */
@IntegrationTest
class ErrorResponsesIT {

    @Autowired
    @Admin
    ApiClient api;

    @Autowired
    Catalog catalog;

    @Test
    void unknownRouteIsNotFound() {
        JsonNode problem = assertProblem(api.get("/nowhere"), 404, "not_found");

        assertThat(problem.get("instance").asString()).isEqualTo("/nowhere");
    }

    @Test
    void wrongMethodIsMethodNotAllowed() {
        ApiResponse response = api.send(api.request("/store").method("PATCH",
                java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertProblem(response, 405, "method_not_allowed");
        assertThat(response.header("Allow")).contains("GET").contains("POST");
    }

    @Test
    void wrongContentTypeIsUnsupportedMediaType() {
        assertProblem(api.raw("POST", "/store", "text/plain", "{\"name\":\"x\"}"), 415, "unsupported_media_type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":", "not json", "{\"name\":\"x\"}}", "{\"name\":\"x\",\"name\":\"y\"}"})
    void invalidJsonIsMalformedRequest(String body) {
        assertProblem(api.raw("POST", "/store", "application/json", body), 400, "malformed_request",
                "The request body is not valid JSON.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"name\":\"x\"}]", "\"x\"", "null", "", "42"})
    void bodyThatIsNotAnObjectIsMalformedRequest(String body) {
        assertProblem(api.raw("POST", "/store", "application/json", body), 400, "malformed_request",
                "The request body must be a JSON object.");
    }

    @Test
    void numberTooLargeForItsFieldIsValidationFailed() {
        JsonNode problem = assertProblem(api.raw("POST", "/item", "application/json",
                "{\"name\":\"x\",\"price\":1,\"store_id\":99999999999999999999}"), 422, "validation_failed");

        assertThat(problem.get("errors").get("store_id").get(0).asString()).isEqualTo("Is out of range.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "99999999999999999999", "1.5"})
    void badPathIdIsMalformedRequest(String id) {
        assertProblem(api.get("/store/" + id), 400, "malformed_request");
        assertProblem(api.get("/item/" + id), 400, "malformed_request");
        assertProblem(api.get("/tag/" + id), 400, "malformed_request");
        assertProblem(api.post("/item/" + id + "/tag/1"), 400, "malformed_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=-1", "page=abc", "size=0", "size=1001", "page=1e3"})
    void badQueryParameterIsMalformedRequest(String query) {
        JsonNode problem = assertProblem(api.get("/store?" + query), 400, "malformed_request");

        assertThat(problem.get("detail").asString()).contains(query.substring(0, query.indexOf('=')));
    }

    @Test
    void bodyOverOneMebibyteIsPayloadTooLarge() {
        String big = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}";

        assertProblem(api.raw("POST", "/store", "application/json", big), 413, "payload_too_large",
                "The request body must not exceed 1 MiB.");
    }

    @Test
    void chunkedBodyOverOneMebibyteIsPayloadTooLarge() {
        byte[] big = ("{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertProblem(api.chunked("POST", "/store", big), 413, "payload_too_large");
    }

    @Test
    void bodyJustUnderTheLimitIsRead() {
        String body = "{\"name\":\"" + Catalog.unique("s") + "\"" + " ".repeat(1024 * 1024 - 100) + "}";

        assertThat(api.raw("POST", "/store", "application/json", body).status()).isEqualTo(201);
    }

    @Test
    void invalidFieldsAreValidationFailedWithErrorsMap() {
        JsonNode problem = assertProblem(api.post("/item", Map.of("name", "", "price", -1, "store_id", 0)), 422,
                "validation_failed");

        assertThat(problem.get("errors").propertyNames()).containsExactlyInAnyOrder("name", "price", "store_id");
        assertThat(problem.get("errors").get("price").get(0).asString()).isEqualTo("must not be negative");
    }

    @Test
    void badPathIdWinsOverInvalidBody() {
        JsonNode problem = assertProblem(api.put("/item/0", Map.of("name", "")), 400, "malformed_request");

        assertThat(problem.get("detail").asString()).contains("item_id");
    }

    @Test
    void invalidBodyWithValidPathIdIsValidationFailed() {
        JsonNode problem = assertProblem(api.put("/item/987654321", Map.of("name", "", "price", 1.234)), 422,
                "validation_failed");

        assertThat(problem.get("errors").propertyNames()).containsExactly("name", "price");
    }

    @Test
    void unknownFieldIsRejected() {
        JsonNode problem = assertProblem(api.post("/store", Map.of("name", "x", "foo", 1)), 422, "validation_failed");

        assertThat(problem.get("errors").get("foo").get(0).asString()).isEqualTo("Unknown field.");
    }

    @Test
    void unexpectedErrorIsInternalErrorWithTraceIdAndNothingInternal() {
        ApiResponse response = api.get("/test-only/failure");

        JsonNode problem = assertProblem(response, 500, "internal_error");
        assertThat(problem.get("trace_id").asString()).matches("[0-9a-f-]{36}");
        assertThat(response.body()).doesNotContain("SELECT", "password", "dev.storesapi", "IllegalState");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/store/%zz", "/store/..%2f..%2fetc", "/store;jsessionid=x", "/store//1"})
    void pathsRejectedBeforeSpringMvcAreProblemsToo(String target) {
        String response = api.rawGet(target);

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).contains("\"error\":\"malformed_request\"").doesNotContain("<html", "Tomcat");
    }

    @Test
    void errorPathItselfIsNotFound() {
        assertProblem(api.get("/error"), 404, "not_found");
    }

    @Test
    void problemsAreJsonEvenWhenClientAcceptsOnlyJson() {
        ApiResponse response = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/store/987654321"))
                .header("Accept", "application/json"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").asString()).isEqualTo("not_found");
    }

    /**
     * An Accept header that cannot be read gets a problem+json error too, whoever raised it: a
     * controller, Spring MVC itself (406), a servlet filter (415) or Tomcat (400).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GET  | /user/987654321  | application/json | 401 | authorization_required",
            "GET  | /store           | application/json | 406 | not_acceptable",
            "POST | /store           | text/plain       | 415 | unsupported_media_type",
            "GET  | /store/%zz       | application/json | 400 | malformed_request"})
    void anUnreadableAcceptHeaderStillGetsAProblem(String method, String target, String contentType, int status,
            String code) {
        String response = api.rawExchange(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: ???\r\n"
                + "Content-Type: " + contentType + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", target);

        assertThat(response).startsWith("HTTP/1.1 " + status);
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).contains("\"error\":\"" + code + "\"");
    }
}
