package dev.storesapi.catalog.store;

import dev.storesapi.catalog.cache.CatalogResponseCache;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.Catalog;
import dev.storesapi.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The course's "store list" tests need an empty catalog, so these start from one. */
@IntegrationTest
class StoreListIT {

    @Autowired
    ApiClient api;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CatalogResponseCache cache;

    @BeforeEach
    void emptyCatalog() {
        jdbc.update("delete from stores");
        cache.clear(); // a write past the API, which the cache cannot know of
    }

    @Test
    void listsNoStores() {
        ApiResponse response = api.get("/store");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
        assertThat(response.header("X-Total-Count")).isEqualTo("0");
    }

    @Test
    void listsSingleStore() {
        long id = catalog.store("Only shop");

        ApiResponse response = api.get("/store");

        assertThat(response.json().size()).isEqualTo(1);
        assertThat(response.json().get(0).get("id").asLong()).isEqualTo(id);
        assertThat(response.json().get(0).get("name").asString()).isEqualTo("Only shop");
        assertThat(response.json().get(0).get("items").isArray()).isTrue();
        assertThat(response.header("X-Total-Count")).isEqualTo("1");
    }

    @Test
    void listsMultipleStoresOrderedById() {
        long first = catalog.store("B shop");
        long second = catalog.store("A shop");

        ApiResponse response = api.get("/store");

        assertThat(response.json().size()).isEqualTo(2);
        assertThat(response.json().get(0).get("id").asLong()).isEqualTo(first);
        assertThat(response.json().get(1).get("id").asLong()).isEqualTo(second);
    }

    @Test
    void pagesWithTotalCountAndLinks() {
        long[] ids = new long[5];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = catalog.store("shop " + i);
        }

        ApiResponse middle = api.get("/store?page=1&size=2");

        assertThat(middle.status()).isEqualTo(200);
        assertThat(middle.json().size()).isEqualTo(2);
        assertThat(middle.json().get(0).get("id").asLong()).isEqualTo(ids[2]);
        assertThat(middle.json().get(1).get("id").asLong()).isEqualTo(ids[3]);
        assertThat(middle.header("X-Total-Count")).isEqualTo("5");
        String base = "/store";
        assertThat(middle.header("Link")).isEqualTo(
                "<" + base + "?page=0&size=2>; rel=\"first\", "
                        + "<" + base + "?page=0&size=2>; rel=\"prev\", "
                        + "<" + base + "?page=2&size=2>; rel=\"next\", "
                        + "<" + base + "?page=2&size=2>; rel=\"last\"");

        ApiResponse last = api.get("/store?page=2&size=2");
        assertThat(last.json().size()).isEqualTo(1);
        assertThat(last.header("Link")).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");

        ApiResponse beyond = api.get("/store?page=9&size=2");
        assertThat(beyond.status()).isEqualTo(200);
        assertThat(beyond.body()).isEqualTo("[]");
        assertThat(beyond.header("X-Total-Count")).isEqualTo("5");
        assertThat(beyond.header("Link")).contains("<" + base + "?page=2&size=2>; rel=\"prev\"");
    }
}
