package dev.storesapi.web;

import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.IntegrationTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/api.md "Swagger UI, Insomnia and Postman": OpenAPI 3.1 documents every catalog operation with its schemas and problems. */
@IntegrationTest
class OpenApiIT {

    @Autowired
    ApiClient api;

    @ParameterizedTest(name = "{0} {1} documents {2}")
    @CsvSource(delimiter = '|', value = {
            "get    | /store                        | 400 500 503",
            "post   | /store                        | 400 401 409 413 415 422 500 503",
            "get    | /store/{store_id}             | 400 404 500 503",
            "delete | /store/{store_id}             | 400 401 403 404 500 503",
            "get    | /item                         | 400 500 503",
            "post   | /item                         | 400 404 413 415 422 500 503",
            "get    | /item/{item_id}               | 400 404 500 503",
            "put    | /item/{item_id}               | 400 404 413 415 422 500 503",
            "delete | /item/{item_id}               | 400 404 500 503",
            "get    | /store/{store_id}/tag         | 400 404 500 503",
            "post   | /store/{store_id}/tag         | 400 404 409 413 415 422 500 503",
            "post   | /item/{item_id}/tag/{tag_id}  | 400 404 422 500 503",
            "delete | /item/{item_id}/tag/{tag_id}  | 400 404 500 503",
            "get    | /tag/{tag_id}                 | 400 404 500 503",
            "delete | /tag/{tag_id}                 | 400 401 403 404 409 500 503",
            "post   | /login                        | 400 401 413 415 422 500 503",
            "post   | /register                     | 400 409 413 415 422 500 503",
            "delete | /user/{user_id}               | 400 401 403 404 500 503"})
    void documentsOperationWithSummaryAndProblemResponses(String method, String path, String problems) {
        JsonNode operation = docs().get("paths").get(path).get(method);

        assertThat(operation).as("%s %s", method, path).isNotNull();
        assertThat(operation.get("summary").asString()).isNotBlank();
        JsonNode responses = operation.get("responses");
        assertThat(responses.propertyNames().stream().filter(code -> code.startsWith("2"))).isNotEmpty();
        for (String status : problems.split(" ")) {
            JsonNode problem = responses.get(status);
            assertThat(problem).as("%s %s %s", method, path, status).isNotNull();
            JsonNode content = problem.get("content").get("application/problem+json");
            assertThat(content.get("schema").get("$ref").asString()).isEqualTo("#/components/schemas/Problem");
            assertThat(content.get("example").get("error").asString()).isNotBlank();
        }
    }

    @Test
    void catalogReadsDocumentTheirEtagAndThe304() {
        JsonNode paths = docs().get("paths");

        for (String path : List.of("/store", "/store/{store_id}", "/item", "/item/{item_id}", "/tag/{tag_id}",
                "/store/{store_id}/tag")) {
            JsonNode get = paths.get(path).get("get");
            assertThat(get.get("parameters").valueStream().map(parameter -> parameter.get("name").asString()))
                    .as(path).contains("If-None-Match");
            assertThat(get.get("responses").get("304")).as(path).isNotNull();
            assertThat(get.get("responses").get("200").get("headers").propertyNames()).as(path)
                    .contains("ETag", "Cache-Control");
        }
        assertThat(paths.get("/user/me").get("get").get("responses").get("304")).isNull();
        assertThat(paths.get("/store").get("post").get("responses").get("304")).isNull();
    }

    @Test
    void conditionalWritesDocumentIfMatchTheir412And428AndTheETagTheyAnswerWith() {
        JsonNode paths = docs().get("paths");

        for (String[] write : new String[][] {{"put", "/item/{item_id}"}, {"delete", "/item/{item_id}"},
                {"delete", "/store/{store_id}"}, {"delete", "/tag/{tag_id}"}}) {
            JsonNode operation = paths.get(write[1]).get(write[0]);
            assertThat(operation.get("parameters").valueStream().map(parameter -> parameter.get("name").asString()))
                    .as("%s %s", write[0], write[1]).contains("If-Match").doesNotContain("ifMatch");
            assertThat(operation.get("responses").propertyNames()).as("%s %s", write[0], write[1]).contains("412", "428");
            assertThat(operation.get("responses").get("412").get("content").get("application/problem+json")
                    .get("example").get("error").asString()).isEqualTo("precondition_failed");
        }
        for (String[] write : new String[][] {{"post", "/store", "201"}, {"post", "/item", "201"},
                {"put", "/item/{item_id}", "200"}, {"post", "/store/{store_id}/tag", "201"},
                {"post", "/item/{item_id}/tag/{tag_id}", "201"}}) {
            assertThat(paths.get(write[1]).get(write[0]).get("responses").get(write[2]).get("headers").propertyNames())
                    .as("%s %s", write[0], write[1]).contains("ETag");
        }
        assertThat(paths.get("/item/{item_id}/tag/{tag_id}").get("delete").get("responses").get("412")).isNull();
        assertThat(paths.get("/register").get("post").get("responses").get("412")).isNull();
    }

    @Test
    void createsDocumentIdempotencyKeyItsRefusalsAndTheReplayedHeader() {
        JsonNode paths = docs().get("paths");

        for (String[] create : new String[][] {{"/store", "201"}, {"/item", "201"}, {"/store/{store_id}/tag", "201"},
                {"/item/{item_id}/tag/{tag_id}", "201"}, {"/register", "201"}}) {
            JsonNode post = paths.get(create[0]).get("post");
            assertThat(post.get("parameters").valueStream().map(parameter -> parameter.get("name").asString()))
                    .as(create[0]).contains("Idempotency-Key");
            assertThat(post.get("responses").propertyNames()).as(create[0]).contains("409", "422");
            assertThat(post.get("responses").get(create[1]).get("headers").propertyNames()).as(create[0])
                    .contains("Idempotent-Replayed");
        }
        assertThat(paths.get("/login").get("post").get("parameters")).isNull();
    }

    @Test
    void isOpenApi31WithExamplesInSchemas() {
        JsonNode docs = docs();

        assertThat(docs.get("openapi").asString()).startsWith("3.1");
        JsonNode schemas = docs.get("components").get("schemas");
        assertThat(schemas.get("ItemCreateRequest").get("properties").get("store_id").get("example").asInt())
                .isEqualTo(1);
        assertThat(schemas.get("Store").get("properties").get("name").get("example").asString())
                .isEqualTo("Corner shop");
        assertThat(schemas.get("Problem").get("properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "error", "errors", "trace_id");
        List<String> listParameters = docs.get("paths").get("/item").get("get").get("parameters").valueStream()
                .map(parameter -> parameter.get("name").asString()).toList();
        assertThat(listParameters).contains("store_id", "tag", "page", "size");
        assertThat(docs.get("paths").propertyNames()).doesNotContain("/error");
        assertThat(docs.get("tags").valueStream().map(tag -> tag.get("name").asString()))
                .containsExactly("Stores", "Items", "Tags", "Auth", "Users", "Admin");
    }

    @ParameterizedTest(name = "{0} {1} is protected: {2}")
    @CsvSource(delimiter = '|', value = {
            "get    | /store                        | false",
            "post   | /store                        | true",
            "get    | /store/{store_id}             | false",
            "delete | /store/{store_id}             | true",
            "get    | /item                         | false",
            "post   | /item                         | true",
            "get    | /item/{item_id}               | false",
            "put    | /item/{item_id}               | true",
            "delete | /item/{item_id}               | true",
            "get    | /store/{store_id}/tag         | false",
            "post   | /store/{store_id}/tag         | true",
            "post   | /item/{item_id}/tag/{tag_id}  | true",
            "delete | /item/{item_id}/tag/{tag_id}  | true",
            "get    | /tag/{tag_id}                 | false",
            "delete | /tag/{tag_id}                 | true",
            "post   | /register                     | false",
            "post   | /login                        | false",
            "post   | /refresh                      | true",
            "post   | /logout                       | true",
            "get    | /user/me                      | true",
            "get    | /user/{user_id}               | true",
            "delete | /user/{user_id}               | true"})
    void marksProtectedOperationsWithTheBearerScheme(String method, String path, boolean protectedOperation) {
        JsonNode operation = docs().get("paths").get(path).get(method);

        assertThat(operation.get("summary").asString()).isNotBlank();
        if (protectedOperation) {
            assertThat(operation.get("security").get(0).has("bearer")).as("%s %s", method, path).isTrue();
            assertThat(operation.get("responses").has("401")).isTrue();
        } else {
            assertThat(operation.has("security")).as("%s %s", method, path).isFalse();
        }
    }

    @ParameterizedTest
    @CsvSource({"/store, Store", "/item, Item", "/store/{store_id}/tag, Tag"})
    void documentsCreatedWithTheResourceSchema(String path, String schema) {
        JsonNode created = docs().get("paths").get(path).get("post").get("responses").get("201");

        assertThat(created.get("content").get("application/json").get("schema").get("$ref").asString())
                .isEqualTo("#/components/schemas/" + schema);
    }

    @Test
    void documentsBothOutcomesOfLinking() {
        JsonNode responses = docs().get("paths").get("/item/{item_id}/tag/{tag_id}").get("post").get("responses");

        assertThat(responses.get("201").get("content").get("application/json").get("schema").get("$ref").asString())
                .isEqualTo("#/components/schemas/Tag");
        assertThat(responses.get("200").get("content").get("application/json").get("schema").get("$ref").asString())
                .isEqualTo("#/components/schemas/Tag");
    }

    /** Access comes from auth/AccessPolicy, the table the security chain enforces: rule, 401 and 403. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "delete | /tag/{tag_id}    | Admins only.                                  | authorization_required | admin_required",
            "post   | /item             | Needs a fresh access token                    | authorization_required | ",
            "delete | /user/{user_id}  | The user themself with a fresh access token   | authorization_required | admin_required",
            "post   | /login           |                                               | invalid_credentials    | "})
    void documentsWhoMayCallEachOperation(String method, String path, String rule, String code401, String code403) {
        JsonNode operation = docs().get("paths").get(path).get(method);

        if (rule != null) {
            assertThat(operation.get("description").asString()).contains(rule);
        }
        assertThat(problemCode(operation, "401")).isEqualTo(code401);
        assertThat(operation.get("responses").has("403")).isEqualTo(code403 != null);
        if (code403 != null) {
            assertThat(problemCode(operation, "403")).isEqualTo(code403);
        }
    }

    private static String problemCode(JsonNode operation, String status) {
        return operation.get("responses").get(status).get("content").get("application/problem+json")
                .get("example").get("error").asString();
    }

    @Test
    void declaresBearerJwtScheme() {
        JsonNode scheme = docs().get("components").get("securitySchemes").get("bearer");

        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.get("bearerFormat").asString()).isEqualTo("JWT");
    }

    @Test
    void servesSwaggerUi() throws Exception {
        HttpClient followingRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> page = followingRedirects.send(HttpRequest.newBuilder(api.uri("/swagger-ui.html")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }

    private JsonNode docs() {
        ApiResponse response = api.get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }
}
