package dev.storesapi.config;

import dev.storesapi.auth.AuthFailure;
import dev.storesapi.ratelimit.RateLimitedException;
import dev.storesapi.web.IfMatch;
import dev.storesapi.web.ProblemCodes;
import dev.storesapi.web.RequestBodyLimitFilter;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The problem+json responses of the OpenAPI document: the Problem schema and an example per status. */
final class ProblemExamples {

    static final String PROBLEM = "Problem";

    private ProblemExamples() {
    }

    /** {@code authFailure}: the example of a 401 or 403. */
    static void add(Operation operation, int status, AuthFailure authFailure) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        HttpStatus httpStatus = HttpStatus.valueOf(status);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", httpStatus.getReasonPhrase());
        example.put("status", status);
        example.put("detail", status == 401 || status == 403
                ? authFailure.detail()
                : EXAMPLE_DETAILS.getOrDefault(status, httpStatus.getReasonPhrase() + "."));
        example.put("instance", "/store/1");
        example.put("error", switch (status) {
            case 401, 403 -> authFailure.code();
            case 429 -> RateLimitedException.CODE;
            default -> ProblemCodes.forStatus(httpStatus);
        });
        if (status == 422) {
            example.put("errors", Map.of("name", new String[] {"must not be blank"}));
        }
        if (status == 500) {
            example.put("trace_id", "5f0c6a4e-8a0b-4a53-9b8e-2d1c0f3b7a11");
        }
        MediaType mediaType = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                .example(example);
        ApiResponse response = new ApiResponse()
                .description(httpStatus.getReasonPhrase())
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        mediaType));
        if (status == 429 || status == 503) {
            response.addHeaderObject(HttpHeaders.RETRY_AFTER, new Header()
                    .description("Seconds to wait before trying again").schema(new IntegerSchema()));
        }
        operation.getResponses().putIfAbsent(String.valueOf(status), response);
    }

    private static final Map<Integer, String> EXAMPLE_DETAILS = Map.ofEntries(
            Map.entry(400, "The request body is not valid JSON."),
            Map.entry(404, "Store not found."),
            Map.entry(409, "A store with that name already exists."),
            Map.entry(412, IfMatch.CHANGED),
            Map.entry(413, RequestBodyLimitFilter.DETAIL),
            Map.entry(415, "Request bodies must be application/json."),
            Map.entry(422, "The request body has invalid fields."),
            Map.entry(428, IfMatch.REQUIRED),
            Map.entry(429, RateLimitedException.DETAIL),
            Map.entry(500, "An unexpected error occurred. Quote the trace_id when you report it."),
            Map.entry(503, "The database is unavailable. Try again shortly."));

    @SuppressWarnings("rawtypes")
    static Schema schema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Not Found"))
                .addProperty("status", new IntegerSchema().example(404))
                .addProperty("detail", new StringSchema().example("Store not found."))
                .addProperty("instance", new StringSchema().example("/store/9"))
                .addProperty("error", new StringSchema().example("not_found")
                        .description("Stable machine-readable code"))
                .addProperty("errors", new MapSchema()
                        .additionalProperties(new ArraySchema().items(new StringSchema()))
                        .description("422 only: messages by JSON field name"))
                .addProperty("trace_id", new StringSchema().description("500 only: correlation id of the logged cause"));
    }
}
