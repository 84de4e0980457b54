package dev.storesapi.web;

import dev.storesapi.catalog.cache.CatalogResponseCache;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.IntegrationTest;
import dev.storesapi.support.RequestStatements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1 (bench/README.md): every read runs as many SQL statements for one store with one item and
 * one tag as for 50 stores x 20 items x 5 tags, every item linked to every tag of its store.
 * Lists are asked for as one full page in both cases: on a first page that is not full, Spring
 * Data knows the total without its count query, which only ever saves a statement.
 */
@IntegrationTest
class StatementCountIT {

    @Autowired
    ApiClient api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CatalogResponseCache cache;

    @BeforeEach
    void emptyCatalog() {
        jdbc.update("delete from stores");
        cache.clear(); // writes past the API, which the cache cannot know of; and every read here is a miss
    }

    @Test
    void statementsPerRequestDoNotGrowWithRowsReturned() {
        Map<String, Long> small = statementsPerRequest(seed(1, 1, 1), 1, 1, 1);
        jdbc.update("delete from stores");
        cache.clear();
        Map<String, Long> big = statementsPerRequest(seed(50, 20, 5), 50, 1000, 5);

        assertThat(big).isEqualTo(small);
        System.out.println("SQL statements per request (1 store and 50 x 20 x 5 alike): " + big);
        assertThat(big.values()).allSatisfy(count -> assertThat(count).isBetween(1L, 4L));
    }

    @Test
    void bigCatalogIsReturnedWhole() {
        long storeId = seed(50, 20, 5);

        JsonNode stores = api.get("/store").json();
        assertThat(stores.size()).isEqualTo(50);
        assertThat(stores.valueStream()).allSatisfy(store -> {
            assertThat(store.get("items").size()).isEqualTo(20);
            assertThat(store.get("tags").size()).isEqualTo(5);
        });
        JsonNode items = api.get("/item?size=1000").json();
        assertThat(items.size()).isEqualTo(1000);
        assertThat(items.valueStream()).allSatisfy(item -> assertThat(item.get("tags").size()).isEqualTo(5));
        JsonNode tags = api.get("/store/" + storeId + "/tag").json();
        assertThat(tags.valueStream()).allSatisfy(tag -> assertThat(tag.get("items").size()).isEqualTo(20));
    }

    private Map<String, Long> statementsPerRequest(long storeId, int stores, int items, int tagsInStore) {
        long tagId = jdbc.queryForObject("select min(id) from tags where store_id = ?", Long.class, storeId);
        long itemId = jdbc.queryForObject("select min(id) from items where store_id = ?", Long.class, storeId);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("GET /store", statements("/store?size=" + stores));
        counts.put("GET /store/{id}", statements("/store/" + storeId));
        counts.put("GET /item", statements("/item?size=" + items));
        counts.put("GET /item?store_id&tag", statements("/item?store_id=" + storeId + "&tag=tag%200&size=" + items / stores));
        counts.put("GET /item/{id}", statements("/item/" + itemId));
        counts.put("GET /store/{id}/tag", statements("/store/" + storeId + "/tag?size=" + tagsInStore));
        counts.put("GET /tag/{id}", statements("/tag/" + tagId));
        return counts;
    }

    /** The statements of a read that goes to the database, counted on the request's own thread. */
    private long statements(String path) {
        cache.clear();
        String id = UUID.randomUUID().toString();
        ApiResponse response = api.send(api.request(path).header(RequestStatements.HEADER, id));
        assertThat(response.status()).as(path).isEqualTo(200);
        return RequestStatements.of(id);
    }

    /** Inserts stores with items and tags, every item linked to every tag of its store; returns the first store. */
    private long seed(int storeCount, int itemsPerStore, int tagsPerStore) {
        long first = 0;
        for (int s = 0; s < storeCount; s++) {
            long storeId = jdbc.queryForObject("insert into stores (name) values (?) returning id", Long.class,
                    "stmt " + UUID.randomUUID());
            first = first == 0 ? storeId : first;
            List<Object[]> items = new ArrayList<>();
            for (int i = 0; i < itemsPerStore; i++) {
                items.add(new Object[] {"item " + i, 9.99, storeId});
            }
            jdbc.batchUpdate("insert into items (name, price, store_id) values (?, ?, ?)", items);
            List<Object[]> tags = new ArrayList<>();
            for (int t = 0; t < tagsPerStore; t++) {
                tags.add(new Object[] {"tag " + t, storeId});
            }
            jdbc.batchUpdate("insert into tags (name, store_id) values (?, ?)", tags);
            jdbc.update("insert into items_tags (item_id, tag_id) select i.id, t.id from items i "
                    + "join tags t on t.store_id = i.store_id where i.store_id = ?", storeId);
        }
        cache.clear();
        return first;
    }
}
