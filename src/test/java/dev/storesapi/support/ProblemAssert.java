package dev.storesapi.support;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a response is the API's RFC 9457 problem (docs/api.md "Errors"). */
public final class ProblemAssert {

    private ProblemAssert() {
    }

    public static JsonNode assertProblem(ApiResponse response, int status, String error) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("about:blank");
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("instance").asString()).startsWith("/");
        assertThat(problem.get("error").asString()).isEqualTo(error);
        return problem;
    }

    public static JsonNode assertProblem(ApiResponse response, int status, String error, String detail) {
        JsonNode problem = assertProblem(response, status, error);
        assertThat(problem.get("detail").asString()).isEqualTo(detail);
        return problem;
    }
}
