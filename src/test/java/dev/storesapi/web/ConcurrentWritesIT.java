package dev.storesapi.web;

import dev.storesapi.support.Admin;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.Catalog;
import dev.storesapi.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Races the database constraints decide: exactly one winner, the others 409 (or 200), never a 500. */
@IntegrationTest
class ConcurrentWritesIT {

    private static final int CALLERS = 16;

    @Autowired
    @Admin
    ApiClient api;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void concurrentCreatesOfOneStoreNameGiveOneCreatedAndConflicts() throws Exception {
        String name = Catalog.unique("race");

        List<Integer> statuses = concurrently(() -> api.post("/store", Map.of("name", name)));

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from stores where name = ?", Integer.class, name))
                .isEqualTo(1);
    }

    @Test
    void concurrentCreatesOfOneTagNameGiveOneCreatedAndConflicts() throws Exception {
        long storeId = catalog.store();

        List<Integer> statuses = concurrently(() -> api.post("/store/" + storeId + "/tag", Map.of("name", "race")));

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
    }

    @Test
    void concurrentLinksGiveOneCreatedAndOneLink() throws Exception {
        long storeId = catalog.store();
        long itemId = catalog.item(storeId);
        long tagId = catalog.tag(storeId);

        List<Integer> statuses = concurrently(() -> api.post("/item/" + itemId + "/tag/" + tagId));

        assertThat(statuses).containsOnly(201, 200);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from items_tags where tag_id = ?", Integer.class, tagId))
                .isEqualTo(1);
    }

    private static List<Integer> concurrently(Supplier<ApiResponse> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(CALLERS)) {
            List<Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return call.get().status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        }
    }
}
