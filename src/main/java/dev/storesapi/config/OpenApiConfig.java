package dev.storesapi.config;

import dev.storesapi.auth.AccessPolicy;
import dev.storesapi.auth.AuthFailure;
import dev.storesapi.catalog.cache.CatalogCacheFilter;
import dev.storesapi.idempotency.IdempotentCreates;
import dev.storesapi.web.ApiDocs;
import dev.storesapi.web.IfMatch;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Arrays;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

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
                        .addSchemas(ProblemExamples.PROBLEM, ProblemExamples.schema())
                        .addSecuritySchemes(ApiDocs.BEARER, new SecurityScheme()
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

    /** A catalog write that answers with a representation tags it as a following GET would (web/EntityTags). */
    @Bean
    OpenApiCustomizer taggedWrites() {
        Header etag = new Header().description("The ETag a GET of this resource now gives: send it in If-Match to change it")
                .schema(new StringSchema().example("\"0a1b2c3d4e5f60718293a4b5c6d7e8f9\""));
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (!CatalogCacheFilter.appliesTo(path)) {
                return;
            }
            for (Operation write : new Operation[] {item.getPost(), item.getPut()}) {
                if (write != null) {
                    write.getResponses().forEach((status, response) -> {
                        if (status.startsWith("2")) {
                            response.addHeaderObject(HttpHeaders.ETAG, etag);
                        }
                    });
                }
            }
        });
    }

    /**
     * Writes that take an {@link IfMatch} (docs/api.md "Conditional writes"): the If-Match header it is
     * read from, instead of the parameter springdoc sees, and the 412 and 428 it can answer.
     */
    @Bean
    OperationCustomizer conditionalWrites() {
        return (operation, handlerMethod) -> {
            if (Arrays.stream(handlerMethod.getMethodParameters()).noneMatch(p -> p.getParameterType() == IfMatch.class)) {
                return operation;
            }
            if (operation.getParameters() != null) {
                operation.getParameters().removeIf(parameter -> "ifMatch".equals(parameter.getName()));
            }
            operation.addParametersItem(new HeaderParameter().name(HttpHeaders.IF_MATCH).required(false)
                    .description("The ETag of the resource as you read it (or several, or * for \"it exists\"): "
                            + "the write happens only if it is still current, else 412. Without it the write is "
                            + "unconditional, unless the service requires it (428).")
                    .schema(new StringSchema().example("\"0a1b2c3d4e5f60718293a4b5c6d7e8f9\"")));
            ProblemExamples.add(operation, 412, AuthFailure.INVALID_CREDENTIALS);
            ProblemExamples.add(operation, 428, AuthFailure.INVALID_CREDENTIALS);
            return operation;
        };
    }

    /**
     * The creates that take an Idempotency-Key (idempotency/IdempotentCreates, docs/api.md "Retrying a
     * create"): the header, the Idempotent-Replayed of a repeat's answer, and the 409 and 422 of a key
     * in use or used for another request.
     */
    @Bean
    OpenApiCustomizer idempotentCreates() {
        Header replayed = new Header().description("true on the stored answer to a repeat of an earlier request with "
                + "the same Idempotency-Key (nothing was written again)").schema(new StringSchema().example("true"));
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            Operation post = item.getPost();
            if (post == null || !IdempotentCreates.appliesTo(path)) {
                return;
            }
            post.addParametersItem(new HeaderParameter().name(IdempotentCreates.KEY_HEADER).required(false)
                    .description("A key of yours, 1 to 255 printable ASCII characters (a UUID, say), new for each "
                            + "new request: a repeat with the same key and request within 24 hours gets the first "
                            + "answer again and writes nothing; the same key for another request is a 422 "
                            + "(idempotency_key_reused), and one while the first still runs a 409 "
                            + "(idempotency_key_in_use, with Retry-After).")
                    .schema(new StringSchema().maxLength(255).example("8e03978e-40d5-43e8-bc93-6894a57f9324")));
            post.getResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeaderObject(IdempotentCreates.REPLAYED_HEADER, replayed);
                }
            });
            ProblemExamples.add(post, 409, AuthFailure.INVALID_CREDENTIALS);
            ProblemExamples.add(post, 422, AuthFailure.INVALID_CREDENTIALS);
        });
    }

    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handlerMethod) -> {
            SortedSet<Integer> statuses = new TreeSet<>();
            statuses.add(400);
            statuses.add(500);
            statuses.add(503);
            if (operation.getRequestBody() != null) {
                statuses.add(413);
                statuses.add(415);
                statuses.add(422);
            }
            ApiDocs.Responses declared = handlerMethod.getMethodAnnotation(ApiDocs.Responses.class);
            if (declared != null) {
                for (int status : declared.value()) {
                    statuses.add(status);
                }
            }
            // A 401 declared by an operation that needs no token can only be a sign-in refused.
            statuses.forEach(status -> ProblemExamples.add(operation, status, AuthFailure.INVALID_CREDENTIALS));
            return operation;
        };
    }

    /**
     * Who may call each operation, from the table the security chain enforces (auth/AccessPolicy):
     * the bearer scheme, 401, 403 where a token may not be enough, and the rule in words.
     */
    @Bean
    OpenApiCustomizer accessRules() {
        return openApi -> openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            AccessPolicy.Access access = AccessPolicy.of(HttpMethod.valueOf(method.name()), path).orElseThrow();
            if (!access.needsToken()) {
                return;
            }
            operation.addSecurityItem(new SecurityRequirement().addList(ApiDocs.BEARER));
            operation.setDescription(operation.getDescription() == null
                    ? access.description()
                    : operation.getDescription() + " " + access.description());
            ProblemExamples.add(operation, 401, AuthFailure.AUTHORIZATION_REQUIRED);
            if (access.mayForbid()) {
                ProblemExamples.add(operation, 403, AuthFailure.ADMIN_REQUIRED);
            }
            ApiResponses byStatus = new ApiResponses();
            new TreeMap<>(operation.getResponses()).forEach(byStatus::addApiResponse);
            operation.setResponses(byStatus);
        }));
    }
}
