package dev.storesapi.catalog.store;

import dev.storesapi.support.Admin;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.Catalog;
import dev.storesapi.support.Catalog.StoreItemTag;
import dev.storesapi.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static dev.storesapi.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class StoreApiIT {

    @Autowired
    @Admin
    ApiClient api;

    @Autowired
    Catalog catalog;

    @Test
    void createsStoreWithTrimmedNameAndEmptyLists() {
        String name = Catalog.unique("Corner shop");

        ApiResponse response = api.post("/store", Map.of("name", "  " + name + "  "));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode store = response.json();
        assertThat(store.get("name").asString()).isEqualTo(name);
        assertThat(store.get("items").isEmpty()).isTrue();
        assertThat(store.get("tags").isEmpty()).isTrue();
        assertThat(response.header("Location")).isEqualTo("/store/" + store.get("id").asLong());
    }

    @Test
    void getsStoreById() {
        String name = Catalog.unique("store");
        long id = catalog.store(name);

        ApiResponse response = api.get("/store/" + id);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("id").asLong()).isEqualTo(id);
        assertThat(response.json().get("name").asString()).isEqualTo(name);
    }

    @Test
    void getsStoreWithItsItemsAndTagsOrderedById() {
        long storeId = catalog.store();
        long chair = catalog.item(storeId, "Chair", new BigDecimal("17.99"));
        long table = catalog.item(storeId, "Table", new BigDecimal("20"));
        long tag = catalog.tag(storeId, "furniture");
        catalog.link(chair, tag);

        JsonNode store = api.get("/store/" + storeId).json();

        assertThat(store.get("items").size()).isEqualTo(2);
        JsonNode first = store.get("items").get(0);
        assertThat(first.get("id").asLong()).isEqualTo(chair);
        assertThat(first.get("name").asString()).isEqualTo("Chair");
        assertThat(first.get("price").decimalValue()).isEqualByComparingTo("17.99");
        assertThat(first.has("description")).isTrue();
        assertThat(first.get("description").isNull()).isTrue();
        assertThat(first.has("tags")).as("plain items inside a store").isFalse();
        assertThat(store.get("items").get(1).get("id").asLong()).isEqualTo(table);
        assertThat(store.get("items").get(1).get("price").toString()).isEqualTo("20");
        assertThat(store.get("tags").get(0).get("id").asLong()).isEqualTo(tag);
        assertThat(store.get("tags").get(0).get("name").asString()).isEqualTo("furniture");
        assertThat(store.get("tags").get(0).has("items")).isFalse();
    }

    @Test
    void storeNotFound() {
        assertProblem(api.get("/store/987654321"), 404, "not_found", "Store not found.");
    }

    @Test
    void rejectsDuplicateStoreName() {
        String name = Catalog.unique("store");
        catalog.store(name);

        assertProblem(api.post("/store", Map.of("name", name)), 409, "conflict",
                "A store with that name already exists.");
        assertProblem(api.post("/store", Map.of("name", " " + name + " ")), 409, "conflict",
                "A store with that name already exists.");
    }

    @Test
    void storeNamesAreCaseSensitive() {
        String name = Catalog.unique("store");
        catalog.store(name);

        assertThat(api.post("/store", Map.of("name", name.toUpperCase())).status()).isEqualTo(201);
    }

    @Test
    void rejectsBlankMissingOrTooLongName() {
        JsonNode blank = assertProblem(api.post("/store", Map.of("name", "   ")), 422, "validation_failed");
        assertThat(blank.get("errors").get("name")).isNotEmpty();

        JsonNode missing = assertProblem(api.post("/store", Map.of()), 422, "validation_failed");
        assertThat(missing.get("errors").has("name")).isTrue();

        JsonNode tooLong = assertProblem(api.post("/store", Map.of("name", "x".repeat(81))), 422,
                "validation_failed");
        assertThat(tooLong.get("errors").has("name")).isTrue();

        assertThat(api.post("/store", Map.of("name", Catalog.unique("x").substring(0, 10) + "y".repeat(70)))
                .status()).isEqualTo(201);
    }

    @Test
    void deletingStoreDeletesItsItemsTagsAndLinks() {
        StoreItemTag made = catalog.taggedItem();

        ApiResponse response = api.delete("/store/" + made.store());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("message").asString()).isEqualTo("Store deleted");
        assertProblem(api.get("/store/" + made.store()), 404, "not_found");
        assertProblem(api.get("/item/" + made.item()), 404, "not_found", "Item not found.");
        assertProblem(api.get("/tag/" + made.tag()), 404, "not_found", "Tag not found.");
    }

    @Test
    void deletingUnknownStoreIsNotFound() {
        assertProblem(api.delete("/store/987654321"), 404, "not_found", "Store not found.");
    }
}
