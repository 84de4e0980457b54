package dev.storesapi.catalog.tag;

import dev.storesapi.support.Admin;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.Catalog;
import dev.storesapi.support.Catalog.StoreItemTag;
import dev.storesapi.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static dev.storesapi.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class TagApiIT {

    @Autowired
    @Admin
    ApiClient api;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void createsTagInStore() {
        long storeId = catalog.store();

        ApiResponse response = api.post("/store/" + storeId + "/tag", Map.of("name", " furniture "));

        assertThat(response.status()).isEqualTo(201);
        JsonNode tag = response.json();
        assertThat(tag.get("name").asString()).isEqualTo("furniture");
        assertThat(tag.get("store").get("id").asLong()).isEqualTo(storeId);
        assertThat(tag.get("items").isEmpty()).isTrue();
        assertThat(response.header("Location")).isEqualTo("/tag/" + tag.get("id").asLong());
    }

    @Test
    void rejectsDuplicateTagNameInSameStoreOnly() {
        long storeId = catalog.store();
        catalog.tag(storeId, "furniture");

        assertProblem(api.post("/store/" + storeId + "/tag", Map.of("name", "furniture")), 409, "conflict",
                "A tag with that name already exists in that store.");
        assertThat(api.post("/store/" + catalog.store() + "/tag", Map.of("name", "furniture")).status())
                .isEqualTo(201);
    }

    @Test
    void tagInUnknownStoreIsNotFound() {
        assertProblem(api.post("/store/987654321/tag", Map.of("name", "x")), 404, "not_found", "Store not found.");
        assertProblem(api.get("/store/987654321/tag"), 404, "not_found", "Store not found.");
    }

    @Test
    void rejectsInvalidTagName() {
        long storeId = catalog.store();

        JsonNode problem = assertProblem(api.post("/store/" + storeId + "/tag", Map.of("name", "")), 422,
                "validation_failed");

        assertThat(problem.get("errors").has("name")).isTrue();
    }

    @Test
    void getsTag() {
        long storeId = catalog.store();
        long tagId = catalog.tag(storeId, "sale");

        JsonNode tag = api.get("/tag/" + tagId).json();

        assertThat(tag.get("id").asLong()).isEqualTo(tagId);
        assertThat(tag.get("name").asString()).isEqualTo("sale");
        assertThat(tag.get("store").get("id").asLong()).isEqualTo(storeId);
    }

    @Test
    void tagNotFound() {
        assertProblem(api.get("/tag/987654321"), 404, "not_found", "Tag not found.");
    }

    @Test
    void getsTagWithItsItemsOrderedById() {
        long storeId = catalog.store();
        long tagId = catalog.tag(storeId);
        long first = catalog.item(storeId);
        long second = catalog.item(storeId);
        catalog.link(second, tagId);
        catalog.link(first, tagId);

        JsonNode items = api.get("/tag/" + tagId).json().get("items");

        assertThat(items.size()).isEqualTo(2);
        assertThat(items.get(0).get("id").asLong()).isEqualTo(first);
        assertThat(items.get(1).get("id").asLong()).isEqualTo(second);
        assertThat(items.get(0).has("store")).isFalse();
    }

    @Test
    void linkingTwiceKeepsOneLink() {
        StoreItemTag made = catalog.itemAndTag();

        ApiResponse first = api.post("/item/" + made.item() + "/tag/" + made.tag());
        ApiResponse second = api.post("/item/" + made.item() + "/tag/" + made.tag());

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("items").get(0).get("id").asLong()).isEqualTo(made.item());
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(jdbc.queryForObject("select count(*) from items_tags where item_id = ? and tag_id = ?",
                Integer.class, made.item(), made.tag())).isEqualTo(1);
    }

    @Test
    void refusesToLinkTagOfAnotherStore() {
        long itemId = catalog.item(catalog.store());
        long otherStoresTag = catalog.tag(catalog.store());

        JsonNode problem = assertProblem(api.post("/item/" + itemId + "/tag/" + otherStoresTag), 422,
                "validation_failed", "Item and tag must belong to the same store.");

        assertThat(problem.has("errors")).isFalse();
    }

    @Test
    void linkingUnknownItemOrTagIsNotFound() {
        StoreItemTag made = catalog.itemAndTag();

        assertProblem(api.post("/item/987654321/tag/" + made.tag()), 404, "not_found", "Item not found.");
        assertProblem(api.post("/item/" + made.item() + "/tag/987654321"), 404, "not_found", "Tag not found.");
    }

    @Test
    void unlinksItemFromTag() {
        StoreItemTag made = catalog.taggedItem();

        ApiResponse response = api.delete("/item/" + made.item() + "/tag/" + made.tag());

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("message").asString()).isEqualTo("Item removed from tag");
        assertThat(body.get("item").get("id").asLong()).isEqualTo(made.item());
        assertThat(body.get("item").get("tags").isEmpty()).isTrue();
        assertThat(body.get("item").get("store").get("id").asLong()).isEqualTo(made.store());
        assertThat(body.get("tag").get("id").asLong()).isEqualTo(made.tag());
        assertThat(body.get("tag").get("items").isEmpty()).isTrue();
        assertThat(api.get("/item/" + made.item()).json().get("tags").isEmpty()).isTrue();
    }

    @Test
    void unlinkingWhatIsNotLinkedIsNotFound() {
        StoreItemTag made = catalog.itemAndTag();

        assertProblem(api.delete("/item/" + made.item() + "/tag/" + made.tag()), 404, "not_found",
                "Item is not linked to that tag.");
        assertProblem(api.delete("/item/987654321/tag/" + made.tag()), 404, "not_found", "Item not found.");
        assertProblem(api.delete("/item/" + made.item() + "/tag/987654321"), 404, "not_found", "Tag not found.");
    }

    @Test
    void deletesUnusedTag() {
        long tagId = catalog.tag(catalog.store());

        ApiResponse response = api.delete("/tag/" + tagId);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("message").asString()).isEqualTo("Tag deleted.");
        assertProblem(api.get("/tag/" + tagId), 404, "not_found");
    }

    @Test
    void refusesToDeleteTagInUse() {
        long storeId = catalog.store();
        long tagId = catalog.tag(storeId);
        catalog.link(catalog.item(storeId), tagId);

        assertProblem(api.delete("/tag/" + tagId), 409, "conflict",
                "Could not delete tag. Make sure tag is not associated with any items, then try again.");
        assertThat(api.get("/tag/" + tagId).status()).isEqualTo(200);
    }

    @Test
    void deletingUnknownTagIsNotFound() {
        assertProblem(api.delete("/tag/987654321"), 404, "not_found", "Tag not found.");
    }

    @Test
    void listsTagsInStoreWithTheirItems() {
        long storeId = catalog.store();
        long first = catalog.tag(storeId, "b");
        long second = catalog.tag(storeId, "a");
        long itemId = catalog.item(storeId);
        catalog.link(itemId, second);
        catalog.tag(catalog.store(), "a");

        ApiResponse response = api.get("/store/" + storeId + "/tag");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Total-Count")).isEqualTo("2");
        JsonNode tags = response.json();
        assertThat(tags.size()).isEqualTo(2);
        assertThat(tags.get(0).get("id").asLong()).isEqualTo(first);
        assertThat(tags.get(0).get("items").isEmpty()).isTrue();
        assertThat(tags.get(1).get("id").asLong()).isEqualTo(second);
        assertThat(tags.get(1).get("items").get(0).get("id").asLong()).isEqualTo(itemId);
        assertThat(tags.get(1).get("store").get("id").asLong()).isEqualTo(storeId);

        ApiResponse page = api.get("/store/" + storeId + "/tag?size=1&page=1");
        assertThat(page.json().size()).isEqualTo(1);
        assertThat(page.json().get(0).get("id").asLong()).isEqualTo(second);
        assertThat(page.header("Link")).contains("rel=\"first\"").contains("rel=\"prev\"");
    }
}
