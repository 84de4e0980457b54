package dev.storesapi.catalog.item;

import dev.storesapi.support.Admin;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.Catalog;
import dev.storesapi.support.Catalog.StoreItemTag;
import dev.storesapi.support.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static dev.storesapi.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ItemApiIT {

    @Autowired
    @Admin
    ApiClient api;

    @Autowired
    Catalog catalog;

    @Test
    void createsItemWithItsStoreAndNoTags() {
        long storeId = catalog.store();

        ApiResponse response = api.post("/item",
                Map.of("name", "Chair", "price", 17.99, "store_id", storeId, "description", "Oak"));

        assertThat(response.status()).isEqualTo(201);
        JsonNode item = response.json();
        assertThat(item.get("name").asString()).isEqualTo("Chair");
        assertThat(item.get("price").toString()).isEqualTo("17.99");
        assertThat(item.get("description").asString()).isEqualTo("Oak");
        assertThat(item.get("store").get("id").asLong()).isEqualTo(storeId);
        assertThat(item.get("store").has("items")).isFalse();
        assertThat(item.get("tags").isEmpty()).isTrue();
        assertThat(response.header("Location")).isEqualTo("/item/" + item.get("id").asLong());
    }

    @ParameterizedTest
    @CsvSource({"10.5, 10.5", "20, 20", "20.00, 20", "0, 0", "99999999.99, 99999999.99", "1e2, 100"})
    void serialisesPriceAsNumberWithAtMostTwoDecimals(String sent, String returned) {
        long storeId = catalog.store();
        String body = "{\"name\":\"Lamp\",\"price\":" + sent + ",\"store_id\":" + storeId + "}";

        ApiResponse created = api.post("/item", body);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.get("/item/" + created.id()).json().get("price").toString()).isEqualTo(returned);
    }

    @Test
    void descriptionIsNullWhenUnset() {
        long itemId = catalog.item(catalog.store());

        JsonNode item = api.get("/item/" + itemId).json();

        assertThat(item.has("description")).isTrue();
        assertThat(item.get("description").isNull()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"-0.01, must not be negative", "17.999, must have at most two decimals",
            "100000000, must be at most 99999999.99"})
    void rejectsPriceOutOfRange(String price, String message) {
        long storeId = catalog.store();

        JsonNode problem = assertProblem(
                api.post("/item", "{\"name\":\"Chair\",\"price\":" + price + ",\"store_id\":" + storeId + "}"),
                422, "validation_failed");

        assertThat(problem.get("errors").get("price").toString()).contains(message);
    }

    @Test
    void namesEveryMissingField() {
        JsonNode problem = assertProblem(api.post("/item", Map.of()), 422, "validation_failed");

        assertThat(problem.get("errors").propertyNames()).containsExactlyInAnyOrder("name", "price", "store_id");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"Chair\",\"price\":\"17.99\",\"store_id\":1}|price|Must be a number.",
            "{\"name\":7,\"price\":17.99,\"store_id\":1}|name|Must be a string.",
            "{\"name\":true,\"price\":17.99,\"store_id\":1}|name|Must be a string.",
            "{\"name\":\"Chair\",\"price\":17.99,\"store_id\":\"1\"}|store_id|Must be a whole number.",
            "{\"name\":\"Chair\",\"price\":17.99,\"store_id\":1.5}|store_id|Must be a whole number.",
            "{\"name\":\"Chair\",\"price\":17.99,\"store_id\":1,\"colour\":\"red\"}|colour|Unknown field.",
            "{\"name\":\"Chair\",\"price\":17.99,\"store_id\":1,\"description\":5}|description|Must be a string."})
    void rejectsWrongJsonTypesNamingTheField(String body, String field, String message) {
        JsonNode problem = assertProblem(api.post("/item", body), 422, "validation_failed");

        assertThat(problem.get("errors").get(field).get(0).asString()).isEqualTo(message);
    }

    @Test
    void rejectsTooLongNameAndDescription() {
        long storeId = catalog.store();
        Map<String, Object> body = Map.of("name", "n".repeat(81), "price", 1, "store_id", storeId,
                "description", "d".repeat(1001));

        JsonNode problem = assertProblem(api.post("/item", body), 422, "validation_failed");

        assertThat(problem.get("errors").propertyNames()).containsExactlyInAnyOrder("name", "description");
    }

    @Test
    void itemInUnknownStoreIsNotFound() {
        assertProblem(api.post("/item", Map.of("name", "Chair", "price", 1, "store_id", 987654321)),
                404, "not_found", "Store not found.");
    }

    @Test
    void itemNotFound() {
        assertProblem(api.get("/item/987654321"), 404, "not_found", "Item not found.");
    }

    @Test
    void getsItemWithStoreAndTagsOrderedById() {
        long storeId = catalog.store();
        long itemId = catalog.item(storeId);
        long second = catalog.tag(storeId, "b");
        long first = catalog.tag(storeId, "a");
        catalog.link(itemId, first);
        catalog.link(itemId, second);

        JsonNode item = api.get("/item/" + itemId).json();

        assertThat(item.get("store").get("id").asLong()).isEqualTo(storeId);
        assertThat(item.get("tags").get(0).get("id").asLong()).isEqualTo(second);
        assertThat(item.get("tags").get(1).get("id").asLong()).isEqualTo(first);
        assertThat(item.get("tags").get(0).has("items")).isFalse();
    }

    @Test
    void updateReplacesOnlyTheFieldsGiven() {
        long storeId = catalog.store();
        ApiResponse created = api.post("/item",
                Map.of("name", "Chair", "price", 17.99, "store_id", storeId, "description", "Oak"));

        ApiResponse updated = api.put("/item/" + created.id(), Map.of("price", 19.5));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("name").asString()).isEqualTo("Chair");
        assertThat(updated.json().get("price").toString()).isEqualTo("19.5");
        assertThat(updated.json().get("description").asString()).isEqualTo("Oak");
        assertThat(api.get("/item/" + created.id()).json().get("price").toString()).isEqualTo("19.5");
    }

    @Test
    void updateWithNullDescriptionClearsIt() {
        long storeId = catalog.store();
        ApiResponse created = api.post("/item",
                Map.of("name", "Chair", "price", 1, "store_id", storeId, "description", "Oak"));

        ApiResponse updated = api.put("/item/" + created.id(), "{\"description\":null,\"name\":\" Stool \"}");

        assertThat(updated.json().get("description").isNull()).isTrue();
        assertThat(updated.json().get("name").asString()).isEqualTo("Stool");
    }

    @ParameterizedTest
    @CsvSource({"name", "price", "store_id"})
    void updateRejectsNullForRequiredField(String field) {
        long itemId = catalog.item(catalog.store());
        Map<String, Object> body = new HashMap<>();
        body.put(field, null);

        JsonNode problem = assertProblem(api.put("/item/" + itemId, body), 422, "validation_failed");

        assertThat(problem.get("errors").has(field)).isTrue();
    }

    @Test
    void updateValidatesFields() {
        long itemId = catalog.item(catalog.store());

        JsonNode problem = assertProblem(api.put("/item/" + itemId, Map.of("name", " ", "price", -1)), 422,
                "validation_failed");

        assertThat(problem.get("errors").propertyNames()).containsExactlyInAnyOrder("name", "price");
    }

    @Test
    void updateOfUnknownItemIsNotFound() {
        assertProblem(api.put("/item/987654321", Map.of("name", "Chair")), 404, "not_found", "Item not found.");
    }

    @Test
    void updateMovesUntaggedItemToAnotherStore() {
        long itemId = catalog.item(catalog.store());
        long otherStore = catalog.store();

        ApiResponse moved = api.put("/item/" + itemId, Map.of("store_id", otherStore));

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("store").get("id").asLong()).isEqualTo(otherStore);
    }

    @Test
    void updateRefusesToMoveTaggedItemToAnotherStore() {
        long storeId = catalog.store();
        long itemId = catalog.item(storeId);
        catalog.link(itemId, catalog.tag(storeId));

        JsonNode problem = assertProblem(api.put("/item/" + itemId, Map.of("store_id", catalog.store())), 422,
                "validation_failed");

        assertThat(problem.get("detail").asString()).startsWith("Item and tag must belong to the same store.");
        assertThat(api.get("/item/" + itemId).json().get("store").get("id").asLong()).isEqualTo(storeId);
    }

    @Test
    void updateIntoUnknownStoreIsNotFound() {
        long itemId = catalog.item(catalog.store());

        assertProblem(api.put("/item/" + itemId, Map.of("store_id", 987654321)), 404, "not_found",
                "Store not found.");
    }

    @Test
    void deletesItemAndItsLinksButNotItsTags() {
        StoreItemTag made = catalog.taggedItem();

        ApiResponse response = api.delete("/item/" + made.item());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("message").asString()).isEqualTo("Item deleted.");
        assertProblem(api.get("/item/" + made.item()), 404, "not_found");
        assertThat(api.get("/tag/" + made.tag()).json().get("items").isEmpty()).isTrue();
    }

    @Test
    void deletingUnknownItemIsNotFound() {
        assertProblem(api.delete("/item/987654321"), 404, "not_found", "Item not found.");
    }

    @Test
    void filtersItemsByStoreAndByTagNameAndBoth() {
        long storeA = catalog.store();
        long storeB = catalog.store();
        String tagName = Catalog.unique("sale");
        long a1 = catalog.item(storeA);
        long a2 = catalog.item(storeA);
        long b1 = catalog.item(storeB);
        catalog.link(a2, catalog.tag(storeA, tagName));
        catalog.link(b1, catalog.tag(storeB, tagName));

        assertThat(ids(api.get("/item?store_id=" + storeA))).containsExactly(a1, a2);
        assertThat(ids(api.get("/item?tag=" + tagName.replace(" ", "%20")))).containsExactly(a2, b1);
        assertThat(ids(api.get("/item?store_id=" + storeB + "&tag=" + tagName.replace(" ", "%20"))))
                .containsExactly(b1);
        ApiResponse paged = api.get("/item?store_id=" + storeA + "&size=1&page=1");
        assertThat(ids(paged)).containsExactly(a2);
        assertThat(paged.header("X-Total-Count")).isEqualTo("2");
        assertThat(paged.header("Link")).contains("store_id=" + storeA).contains("rel=\"prev\"");
    }

    @Test
    void listedItemsCarryStoreAndTags() {
        StoreItemTag made = catalog.taggedItem();

        JsonNode item = api.get("/item?store_id=" + made.store()).json().get(0);

        assertThat(item.get("store").get("id").asLong()).isEqualTo(made.store());
        assertThat(item.get("tags").get(0).get("id").asLong()).isEqualTo(made.tag());
    }

    @ParameterizedTest
    @CsvSource({"store_id=abc", "store_id=0", "store_id=-4", "page=-1", "size=0", "size=1001", "page=x"})
    void rejectsBadListParameters(String query) {
        assertProblem(api.get("/item?" + query), 400, "malformed_request");
    }

    private static java.util.List<Long> ids(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().valueStream().map(node -> node.get("id").asLong()).toList();
    }
}
