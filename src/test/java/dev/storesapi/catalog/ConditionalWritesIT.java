package dev.storesapi.catalog;

import dev.storesapi.support.Admin;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.Catalog;
import dev.storesapi.support.Catalog.StoreItemTag;
import dev.storesapi.support.HeldTransaction;
import dev.storesapi.support.IntegrationTest;
import dev.storesapi.support.SecondInstance;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.storesapi.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * If-Match on the catalog's writes (docs/api.md "Conditional writes"), against PostgreSQL and two
 * instances: the second requires If-Match (REQUIRE_IF_MATCH=true). Every successful write answers
 * with the ETag a following GET gives; a stale or weak tag, or one for a resource that is gone, is a
 * 412 and changes nothing; two writes with one tag have one winner.
 */
@IntegrationTest
class ConditionalWritesIT {

    private static ConfigurableApplicationContext second;

    @Autowired
    @Admin
    ApiClient api;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource database;

    @BeforeAll
    static void startSecondInstance() {
        second = SecondInstance.start("--REQUIRE_IF_MATCH=true");
    }

    @AfterAll
    static void stopSecondInstance() {
        second.close();
    }

    @Test
    void everyWriteAnswersWithTheETagOfTheFollowingGet() {
        ApiResponse store = api.post("/store", Map.of("name", Catalog.unique("tagged")));
        assertSameTagAsGet(store, "/store/" + store.id());
        ApiResponse item = api.post("/item", Map.of("name", "Chair", "price", new BigDecimal("20.00"), "store_id", store.id()));
        assertSameTagAsGet(item, "/item/" + item.id());
        ApiResponse tag = api.post("/store/" + store.id() + "/tag", Map.of("name", "oak"));
        assertSameTagAsGet(tag, "/tag/" + tag.id());
        ApiResponse linked = api.post("/item/" + item.id() + "/tag/" + tag.id());
        assertThat(linked.status()).isEqualTo(201);
        assertSameTagAsGet(linked, "/tag/" + tag.id());

        ApiResponse updated = withIfMatch(api, "PUT", "/item/" + item.id(), etagOf("/item/" + item.id()),
                "{\"price\": 21.5}");

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertSameTagAsGet(updated, "/item/" + item.id());
    }

    /** The catalog produces application/json only, so a write's tag is the tag of every GET it can answer. */
    @Test
    void anAcceptHeaderNeverGivesAnotherTagThanTheWritesAndOtherJsonTypesAreNotProduced() {
        ApiResponse created = api.post("/store", Map.of("name", Catalog.unique("accept")));
        String path = "/store/" + created.id();

        for (String accept : List.of("application/json;charset=UTF-8", "*/*", "application/*", "application/json")) {
            ApiResponse read = api.send(api.request(path).setHeader("Accept", accept).GET());
            assertThat(read.header("ETag")).as(accept).isEqualTo(created.header("ETag"));
        }
        assertProblem(api.send(api.request(path).setHeader("Accept", "application/vnd.x+json").GET()), 406,
                "not_acceptable");
    }

    @Test
    void aPutWithTheCurrentTagWinsAndAStaleOneIsRefusedWithoutChangingAnything() {
        long itemId = catalog.item(catalog.store());
        String read = etagOf("/item/" + itemId);

        ApiResponse first = withIfMatch(api, "PUT", "/item/" + itemId, read, "{\"name\": \"first\"}");
        ApiResponse second = withIfMatch(api, "PUT", "/item/" + itemId, read, "{\"name\": \"second\"}");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertProblem(second, 412, "precondition_failed",
                "The resource has changed since you read it: GET it again for its current ETag.");
        assertThat(api.get("/item/" + itemId).json().get("name").asString()).isEqualTo("first");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"ffffffffffffffffffffffffffffffff\", %s", "%s", "*"})
    void aListHoldingTheCurrentTagOrAStarHolds(String header) {
        long itemId = catalog.item(catalog.store());

        ApiResponse updated = withIfMatch(api, "PUT", "/item/" + itemId,
                header.formatted(etagOf("/item/" + itemId)), "{\"name\": \"renamed\"}");

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    }

    @Test
    void aWeakTagNeverMatches() {
        long itemId = catalog.item(catalog.store());

        assertProblem(withIfMatch(api, "PUT", "/item/" + itemId, "W/" + etagOf("/item/" + itemId), "{\"name\": \"x\"}"),
                412, "precondition_failed");
    }

    @Test
    void ifMatchOnAMissingResourceIsA412AndWithoutItA404() {
        for (String path : List.of("/item/987654321", "/store/987654321", "/tag/987654321")) {
            String method = path.startsWith("/item") ? "PUT" : "DELETE";
            assertProblem(withIfMatch(api, method, path, "*", "{\"name\": \"x\"}"), 412, "precondition_failed",
                    "The resource in If-Match does not exist.");
            assertProblem(withIfMatch(api, method, path, "\"0a1b\"", "{\"name\": \"x\"}"), 412, "precondition_failed");
        }
        assertProblem(api.put("/item/987654321", Map.of("name", "x")), 404, "not_found");
    }

    @Test
    void deletesOfAnItemATagAndAStoreHoldOnlyWhileNothingTheyShowChanged() {
        StoreItemTag made = catalog.itemAndTag();
        String store = etagOf("/store/" + made.store());
        String item = etagOf("/item/" + made.item());
        String tag = etagOf("/tag/" + made.tag());
        catalog.link(made.item(), made.tag());

        assertProblem(withIfMatch(api, "DELETE", "/item/" + made.item(), item, null), 412, "precondition_failed");
        assertProblem(withIfMatch(api, "DELETE", "/tag/" + made.tag(), tag, null), 412, "precondition_failed");
        assertThat(api.get("/item/" + made.item()).status()).isEqualTo(200);
        assertThat(api.get("/tag/" + made.tag()).status()).isEqualTo(200);

        long added = catalog.item(made.store());
        assertProblem(withIfMatch(api, "DELETE", "/store/" + made.store(), store, null), 412, "precondition_failed");
        assertThat(api.get("/store/" + made.store()).status()).isEqualTo(200);

        assertThat(withIfMatch(api, "DELETE", "/item/" + added, etagOf("/item/" + added), null).status()).isEqualTo(200);
        assertThat(api.get("/item/" + added).status()).isEqualTo(404);
        assertThat(withIfMatch(api, "DELETE", "/store/" + made.store(), etagOf("/store/" + made.store()), null).status())
                .isEqualTo(200);
        assertThat(api.get("/store/" + made.store()).status()).isEqualTo(404);
    }

    @Test
    void aTagDeleteChecksItsPreconditionBeforeItsLinks() {
        StoreItemTag made = catalog.taggedItem();

        assertProblem(withIfMatch(api, "DELETE", "/tag/" + made.tag(), "\"0a1b\"", null), 412, "precondition_failed");
        assertProblem(withIfMatch(api, "DELETE", "/tag/" + made.tag(), etagOf("/tag/" + made.tag()), null),
                409, "conflict");
    }

    /**
     * The item's row is held by a transaction of the test's own, so both writes wait for it and then
     * run one after the other, each on its own instance: the second finds the item changed.
     */
    @Test
    void twoPutsWithOneTagOnTwoInstancesHaveOneWinner() {
        long itemId = catalog.item(catalog.store());
        String read = etagOf("/item/" + itemId);
        ApiClient onSecond = api.on(second.getEnvironment());
        List<ApiResponse> answers;
        try (HeldTransaction other = HeldTransaction.begin(database)) {
            other.update("update items set name = name where id = ?", itemId);
            CompletableFuture<ApiResponse> one = CompletableFuture.supplyAsync(() ->
                    withIfMatch(api, "PUT", "/item/" + itemId, read, "{\"name\": \"one\"}"));
            CompletableFuture<ApiResponse> two = CompletableFuture.supplyAsync(() ->
                    withIfMatch(onSecond, "PUT", "/item/" + itemId, read, "{\"name\": \"two\"}"));
            other.awaitWaiters(2);
            other.commit();
            answers = List.of(one.join(), two.join());
        }

        assertThat(answers).extracting(ApiResponse::status).containsExactlyInAnyOrder(200, 412);
        ApiResponse winner = answers.stream().filter(answer -> answer.status() == 200).findFirst().orElseThrow();
        assertThat(api.get("/item/" + itemId).json().get("name").asString())
                .isEqualTo(winner.json().get("name").asString());
    }

    @Test
    void anInstanceThatRequiresIfMatchAnswers428WithoutIt() {
        long itemId = catalog.item(catalog.store());
        ApiClient onSecond = api.on(second.getEnvironment());

        assertProblem(onSecond.put("/item/" + itemId, Map.of("name", "x")), 428, "precondition_required",
                "This service requires If-Match on writes: send the ETag of the resource as you read it.");
        assertProblem(onSecond.delete("/item/" + itemId), 428, "precondition_required");
        StoreItemTag made = catalog.itemAndTag();
        assertProblem(onSecond.delete("/tag/" + made.tag()), 428, "precondition_required");
        assertProblem(onSecond.delete("/store/" + made.store()), 428, "precondition_required");
        assertThat(api.get("/store/" + made.store()).status()).isEqualTo(200);
        assertThat(withIfMatch(onSecond, "DELETE", "/item/" + itemId, etagOf("/item/" + itemId), null).status())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from items where id = ?", Integer.class, itemId)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0a1b", "\"0a1b", "*, \"0a1b\"", "W/0a1b", "\"0a1b\";q=1"})
    void aMalformedIfMatchIsA400(String header) {
        long itemId = catalog.item(catalog.store());

        assertProblem(withIfMatch(api, "PUT", "/item/" + itemId, header, "{\"name\": \"x\"}"), 400,
                "malformed_request", "If-Match must be * or a list of entity tags such as \"0a1b2c\".");
        assertProblem(withIfMatch(api, "DELETE", "/item/" + itemId, header, null), 400, "malformed_request");
        assertThat(api.get("/item/" + itemId).status()).isEqualTo(200);
    }

    private String etagOf(String path) {
        ApiResponse read = api.get(path);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read.header("ETag");
    }

    private void assertSameTagAsGet(ApiResponse write, String path) {
        assertThat(write.header("ETag")).as(write.body()).isNotNull().isEqualTo(etagOf(path));
    }

    private static ApiResponse withIfMatch(ApiClient client, String method, String path, String ifMatch, String json) {
        HttpRequest.Builder request = client.request(path).header("If-Match", ifMatch);
        return client.send(json == null ? request.method(method, BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(json)));
    }
}
