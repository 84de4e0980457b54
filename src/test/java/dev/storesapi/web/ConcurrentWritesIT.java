package dev.storesapi.web;

import dev.storesapi.error.ConflictException;
import dev.storesapi.support.Admin;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.Catalog;
import dev.storesapi.support.Catalog.StoreItemTag;
import dev.storesapi.support.HeldTransaction;
import dev.storesapi.support.IntegrationTest;
import dev.storesapi.user.Role;
import dev.storesapi.user.User;
import dev.storesapi.user.UserService;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.storesapi.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races the database constraints decide: exactly one winner, the others 409 (or 200), never a 500.
 * A race lost at the insert answers as the check before it would have: a name taken is a 409 whose
 * cause (in the log) names the unique constraint, a store or tag deleted meanwhile is its 404. Those
 * races are made to happen every time with a {@link HeldTransaction}: the other write is made and
 * held uncommitted, the request's insert waits for its lock, then the other write commits.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ConcurrentWritesIT {

    private static final int CALLERS = 16;

    @Autowired
    @Admin
    ApiClient api;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource database;

    @Autowired
    UserService users;

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
        StoreItemTag made = catalog.itemAndTag();

        List<Integer> statuses = concurrently(() -> api.post("/item/" + made.item() + "/tag/" + made.tag()));

        assertThat(statuses).containsOnly(201, 200);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from items_tags where tag_id = ?", Integer.class, made.tag()))
                .isEqualTo(1);
    }

    @Test
    void aStoreNameTakenWhileTheCreateWaitsIsAConflictLoggedWithItsConstraint(CapturedOutput output) {
        String name = Catalog.unique("taken meanwhile");
        ApiResponse created;
        try (HeldTransaction other = HeldTransaction.begin(database)) {
            other.update("insert into stores (name) values (?)", name);
            CompletableFuture<ApiResponse> create = CompletableFuture.supplyAsync(() ->
                    api.post("/store", Map.of("name", name)));
            other.awaitWaiter();
            other.commit();
            created = create.join();
        }

        assertProblem(created, 409, "conflict", "A store with that name already exists.");
        assertThat(output.getOut()).contains("409 on POST /store: A store with that name already exists. "
                + "(UNIQUE constraint uq_stores_name)");
    }

    @Test
    void aUserRegisteredWhileTheCreateWaitsIsAConflictCausedByTheUniqueConstraint() {
        String username = "held_" + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@example.com";
        CompletableFuture<User> create;
        try (HeldTransaction other = HeldTransaction.begin(database)) {
            other.update("insert into users (username, username_key, email, email_key, password_hash, role, created_at) "
                    + "values (?, ?, ?, ?, 'not a hash', 'USER', ?)", username + "_2", username + "_2", email, email,
                    Timestamp.from(Instant.now()));
            create = CompletableFuture.supplyAsync(() -> users.create(username, email, "long enough pw", Role.USER));
            other.awaitWaiter();
            other.commit();
        }

        assertThat(create).failsWithin(Duration.ofSeconds(20)).withThrowableThat().havingCause()
                .isInstanceOf(ConflictException.class)
                .withMessage("A user with that username or email already exists.")
                .havingCause().isInstanceOf(DataIntegrityViolationException.class)
                .withMessageContaining("uq_users_email_key");
    }

    @Test
    void aTagCreatedWhileItsStoreIsDeletedIsStoreNotFound() {
        long storeId = catalog.store();

        ApiResponse created = whileHeld("delete from stores where id = ?", storeId,
                () -> api.post("/store/" + storeId + "/tag", Map.of("name", "orphan")));

        assertProblem(created, 404, "not_found", "Store not found.");
    }

    @Test
    void anItemCreatedWhileItsStoreIsDeletedIsStoreNotFound() {
        long storeId = catalog.store();

        ApiResponse created = whileHeld("delete from stores where id = ?", storeId,
                () -> api.post("/item", Map.of("name", "orphan", "price", 1, "store_id", storeId)));

        assertProblem(created, 404, "not_found", "Store not found.");
    }

    @Test
    void anItemMovedToAStoreBeingDeletedIsStoreNotFoundAndStays() {
        long from = catalog.store();
        long itemId = catalog.item(from);
        long to = catalog.store();

        ApiResponse moved = whileHeld("delete from stores where id = ?", to,
                () -> api.put("/item/" + itemId, Map.of("store_id", to)));

        assertProblem(moved, 404, "not_found", "Store not found.");
        assertThat(jdbc.queryForObject("select store_id from items where id = ?", Long.class, itemId)).isEqualTo(from);
    }

    @Test
    void aLinkToATagBeingDeletedIsTagNotFound() {
        StoreItemTag made = catalog.itemAndTag();

        ApiResponse linked = whileHeld("delete from tags where id = ?", made.tag(),
                () -> api.post("/item/" + made.item() + "/tag/" + made.tag()));

        assertProblem(linked, 404, "not_found", "Tag not found.");
    }

    @Test
    void anItemDeletedWhileItsDeleteWaitsIsNotFound() {
        long itemId = catalog.item(catalog.store());

        ApiResponse deleted = whileHeld("delete from items where id = ?", itemId, () -> api.delete("/item/" + itemId));

        assertProblem(deleted, 404, "not_found", "Item not found.");
    }

    @Test
    void anItemWhoseStoreIsDeletedWhileItsDeleteWaitsIsNotFound() {
        long storeId = catalog.store();
        long itemId = catalog.item(storeId);

        ApiResponse deleted = whileHeld("delete from stores where id = ?", storeId, () -> api.delete("/item/" + itemId));

        assertProblem(deleted, 404, "not_found", "Item not found.");
    }

    /** Runs the request while another transaction has made {@code sql} but not committed it, then commits it. */
    private ApiResponse whileHeld(String sql, long id, Supplier<ApiResponse> request) {
        try (HeldTransaction other = HeldTransaction.begin(database)) {
            other.update(sql, id);
            CompletableFuture<ApiResponse> response = CompletableFuture.supplyAsync(request);
            other.awaitWaiter();
            other.commit();
            return response.join();
        }
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
