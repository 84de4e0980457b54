package dev.storesapi.config;

import dev.storesapi.auth.OpenApiSecurity;
import dev.storesapi.ratelimit.RateLimitedException;
import dev.storesapi.web.ApiProblems;
import dev.storesapi.cache.CatalogCacheFilter;
import dev.storesapi.web.ProblemCodes;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI storesApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Stores API")
                        .version("1")
                        .description("Stores, items and tags. Errors are RFC 9457 `application/problem+json` "
                                + "with a stable `error` code."))
                // Declared here so Swagger UI shows them in this order.
                .addTagsItem(new Tag().name("Stores").description("Stores with their items and tags"))
                .addTagsItem(new Tag().name("Items").description("Items of a store, with their tags"))
                .addTagsItem(new Tag().name("Tags").description("Tags of a store, and their links to items"))
                .addTagsItem(new Tag().name("Auth").description("Register, log in, refresh, log out"))
                .addTagsItem(new Tag().name("Users").description("User accounts"))
                .addTagsItem(new Tag().name("Admin").description("Operating the service (admins only)"))
                .components(new Components()
                        .addSchemas(PROBLEM, problemSchema())
                        .addSecuritySchemes(OpenApiSecurity.BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("The access_token from POST /login (or the refresh_token, for "
                                        + "POST /refresh only). Paste the token alone, without \"Bearer\".")));
    }

    /** The ETag, If-None-Match and 304 of the catalog's conditional GETs (cache/CatalogCacheFilter). */
    @Bean
    OpenApiCustomizer conditionalGets() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            Operation get = item.getGet();
            if (get == null || !CatalogCacheFilter.appliesTo(path)) {
                return;
            }
            get.addParametersItem(new HeaderParameter().name(HttpHeaders.IF_NONE_MATCH).required(false)
                    .description("The ETag of a copy you hold: 304 with no body while it is still current.")
                    .schema(new StringSchema()));
            Header etag = new Header().description("Strong validator of this representation (a hash of its body and paging headers)")
                    .schema(new StringSchema().example("\"0a1b2c3d4e5f60718293a4b5c6d7e8f90\""));
            Header revalidate = new Header().description("no-cache: keep a copy, but revalidate it with If-None-Match")
                    .schema(new StringSchema().example("no-cache"));
            ApiResponse ok = get.getResponses().get("200");
            if (ok != null) {
                ok.addHeaderObject(HttpHeaders.ETAG, etag);
                ok.addHeaderObject(HttpHeaders.CACHE_CONTROL, revalidate);
            }
            get.getResponses().addApiResponse("304", new ApiResponse()
                    .description("Not Modified: the copy with the ETag in If-None-Match is current (no body)")
                    .addHeaderObject(HttpHeaders.ETAG, etag));
        });
    }

    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handlerMethod) -> {
            SortedSet<Integer> statuses = new TreeSet<>();
            statuses.add(400);
            statuses.add(500);
            statuses.add(503);
            if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                statuses.add(401);
            }
            if (operation.getRequestBody() != null) {
                statuses.add(413);
                statuses.add(415);
                statuses.add(422);
            }
            ApiProblems.Responses declared = handlerMethod.getMethodAnnotation(ApiProblems.Responses.class);
            if (declared != null) {
                for (int status : declared.value()) {
                    statuses.add(status);
                }
            }
            statuses.forEach(status -> addProblem(operation, status));
            return operation;
        };
    }

    private static void addProblem(Operation operation, int status) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        HttpStatus httpStatus = HttpStatus.valueOf(status);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", httpStatus.getReasonPhrase());
        example.put("status", status);
        example.put("detail", EXAMPLE_DETAILS.getOrDefault(status, httpStatus.getReasonPhrase() + "."));
        example.put("instance", "/store/1");
        example.put("error", ProblemCodes.forStatus(httpStatus));
        if (status == 422) {
            example.put("errors", Map.of("name", new String[] {"must not be blank"}));
        }
        if (status == 401) {
            example.put("error", "authorization_required");
        }
        if (status == 403) {
            example.put("error", "admin_required");
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
            Map.entry(401, "Request does not contain an access token."),
            Map.entry(403, "Admin privilege required."),
            Map.entry(404, "Store not found."),
            Map.entry(409, "A store with that name already exists."),
            Map.entry(413, "The request body must not exceed 1 MiB."),
            Map.entry(415, "Request bodies must be application/json."),
            Map.entry(422, "The request body has invalid fields."),
            Map.entry(429, RateLimitedException.DETAIL),
            Map.entry(500, "An unexpected error occurred. Quote the trace_id when you report it."),
            Map.entry(503, "The database is unavailable. Try again shortly."));

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
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
