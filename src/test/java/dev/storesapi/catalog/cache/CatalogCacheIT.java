package dev.storesapi.catalog.cache;

import dev.storesapi.support.Admin;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.Catalog;
import dev.storesapi.support.Catalog.StoreItemTag;
import dev.storesapi.support.IntegrationTest;
import dev.storesapi.support.SecondInstance;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL, each with its near-cache: a write through the first is seen by
 * the second within 200 ms, for every kind of catalog write, while the second holds the old answer
 * in its cache; and when the second stops hearing of writes, it stops answering from its cache.
 */
@IntegrationTest
class CatalogCacheIT {

    private static final long VISIBLE_WITHIN_MS = 200;

    private static ConfigurableApplicationContext second;

    @Autowired
    Catalog catalog;

    @Autowired
    @Admin
    ApiClient admin;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startSecondInstance() {
        second = SecondInstance.start();
    }

    @AfterAll
    static void stopSecondInstance() {
        second.close();
    }

    @Test
    void anItemRenameAndPriceChangeReachTheOtherInstance() {
        long store = catalog.store();
        long item = catalog.item(store, Catalog.unique("lamp"), new BigDecimal("9.99"));
        List<String> paths = List.of("/item/" + item, "/store/" + store, "/item?store_id=" + store, "/store");
        cachedOnSecond(paths);

        long written = written(admin.put("/item/" + item, Map.of("name", "renamed lamp")));
        for (String path : paths) {
            visibleOnSecond(path, written, body -> body.contains("renamed lamp"));
        }
        cachedOnSecond(paths);
        written = written(admin.put("/item/" + item, Map.of("price", 12.5)));
        visibleOnSecond("/item/" + item, written, body -> body.contains("12.5"));
        visibleOnSecond("/store/" + store, written, body -> body.contains("12.5"));
    }

    @Test
    void linksAndUnlinksReachTheOtherInstance() {
        StoreItemTag made = catalog.itemAndTag();
        List<String> paths = List.of("/tag/" + made.tag(), "/item/" + made.item(), "/store/" + made.store() + "/tag");
        cachedOnSecond(paths);

        long written = written(admin.post("/item/" + made.item() + "/tag/" + made.tag()));
        visibleOnSecond("/tag/" + made.tag(), written, body -> json(body).get("items").size() == 1);
        visibleOnSecond("/item/" + made.item(), written, body -> json(body).get("tags").size() == 1);
        visibleOnSecond("/store/" + made.store() + "/tag", written, body -> json(body).get(0).get("items").size() == 1);

        cachedOnSecond(paths);
        written = written(admin.delete("/item/" + made.item() + "/tag/" + made.tag()));
        visibleOnSecond("/tag/" + made.tag(), written, body -> json(body).get("items").isEmpty());
        visibleOnSecond("/item/" + made.item(), written, body -> json(body).get("tags").isEmpty());
    }

    @Test
    void tagsCreatedAndDeletedReachTheOtherInstance() {
        long store = catalog.store();
        String name = Catalog.unique("outdoor");
        List<String> paths = List.of("/store/" + store, "/store/" + store + "/tag");
        cachedOnSecond(paths);

        ApiResponse created = admin.post("/store/" + store + "/tag", Map.of("name", name));
        long written = written(created);
        for (String path : paths) {
            visibleOnSecond(path, written, body -> body.contains(name));
        }
        cachedOnSecond(List.of("/tag/" + created.id()));
        cachedOnSecond(paths);
        written = written(admin.delete("/tag/" + created.id()));
        for (String path : paths) {
            visibleOnSecond(path, written, body -> !body.contains(name));
        }
        visibleOnSecond("/tag/" + created.id(), written, 404);
    }

    @Test
    void aStoreDeleteReachesTheOtherInstance() {
        String name = Catalog.unique("closing");
        long store = catalog.store(name);
        long item = catalog.item(store);
        long tag = catalog.tag(store);
        cachedOnSecond(List.of("/store/" + store, "/item/" + item, "/tag/" + tag, "/store", "/item"));
        long stores = storeCount();

        long written = written(admin.delete("/store/" + store));
        visibleOnSecond("/store/" + store, written, 404);
        visibleOnSecond("/item/" + item, written, 404);
        visibleOnSecond("/tag/" + tag, written, 404);
        visibleOnSecond("/store", written, response -> storeCount(response) == stores - 1, "one store less");
    }

    @Test
    void newStoresAndItemsAndDeletedItemsReachTheOtherInstance() {
        cachedOnSecond(List.of("/store"));
        long stores = storeCount();
        ApiResponse store = admin.post("/store", Map.of("name", Catalog.unique("opening")));
        visibleOnSecond("/store", written(store), response -> storeCount(response) == stores + 1, "one store more");

        cachedOnSecond(List.of("/store/" + store.id()));
        String itemName = Catalog.unique("chair");
        ApiResponse item = admin.post("/item", Map.of("name", itemName, "price", 3, "store_id", store.id()));
        visibleOnSecond("/store/" + store.id(), written(item), body -> body.contains(itemName));

        cachedOnSecond(List.of("/item/" + item.id(), "/store/" + store.id()));
        long written = written(admin.delete("/item/" + item.id()));
        visibleOnSecond("/item/" + item.id(), written, 404);
        visibleOnSecond("/store/" + store.id(), written, body -> !body.contains(itemName));
    }

    @Test
    void aRefusedMoveChangesNothingAndAnAllowedOneReachesTheOtherInstanceInBothStores() {
        long from = catalog.store();
        long to = catalog.store();
        long tagged = catalog.item(from);
        catalog.link(tagged, catalog.tag(from));
        long untagged = catalog.item(from);
        List<String> paths = List.of("/item/" + tagged, "/store/" + from, "/store/" + to);
        cachedOnSecond(paths);
        String before = onSecond().get("/item/" + tagged).body();

        assertThat(admin.put("/item/" + tagged, Map.of("store_id", to)).status()).isEqualTo(422);
        assertThat(onSecond().get("/item/" + tagged).body()).isEqualTo(before);
        assertThat(admin.get("/item/" + tagged).body()).isEqualTo(before);

        long written = written(admin.put("/item/" + untagged, Map.of("store_id", to)));
        visibleOnSecond("/store/" + from, written, body -> !itemIds(body).contains(untagged));
        visibleOnSecond("/store/" + to, written, body -> itemIds(body).contains(untagged));
    }

    @Test
    void aWriteLeavesOtherStoresCachedAndTouchesNoEntryHoweverManyThereAre() {
        CatalogResponseCache cache = second.getBean(CatalogResponseCache.class);
        long written = catalog.store();
        long other = catalog.store();
        cachedOnSecond(List.of("/store/" + written, "/store/" + other));
        for (int page = 0; page < 100; page++) { // entries of pages: lists, made stale by any write
            onSecond().get("/item?size=1&page=" + page);
        }
        long held = cache.size();
        assertThat(held).isGreaterThanOrEqualTo(100);

        catalog.item(written);
        long at = System.nanoTime();

        assertThat(cache.size()).as("a write removes nothing: entries are found stale when next asked for")
                .isEqualTo(held);
        assertThat(cache.find(key("/store/" + other))).as("another store's entry stays current").isNotNull();
        visibleOnSecond("/store/" + written, at, body -> json(body).get("items").size() == 1);
    }

    @Test
    void whileTheChannelIsDownNothingStaleIsServedBeyondOneSecondAndTheCacheComesBack() throws Exception {
        long store = catalog.store();
        long item = catalog.item(store, Catalog.unique("lamp"), new BigDecimal("1.00"));
        String path = "/item/" + item;
        CatalogChangeListener listener = second.getBean(CatalogChangeListener.class);
        int lost = listener.backendPid();
        cachedOnSecond(List.of(path));

        jdbc.queryForObject("select pg_terminate_backend(?)", Boolean.class, lost);
        long written = written(admin.put(path, Map.of("price", 2)));
        noStaleReadBeyondOneSecond(path, written, body -> priceIs(body, "2"));

        awaitListening(listener, lost);
        cachedOnSecond(List.of(path));
        visibleOnSecond(path, written(admin.put(path, Map.of("price", 3))), body -> priceIs(body, "3"));
    }

    @Test
    void aSilentChannelStopsTheCacheWithinOneSecond() throws Exception {
        long store = catalog.store();
        long item = catalog.item(store, Catalog.unique("lamp"), new BigDecimal("1.00"));
        String path = "/item/" + item;
        CatalogChangeListener listener = second.getBean(CatalogChangeListener.class);
        awaitListening(listener, 0);
        int frozen = listener.backendPid();
        cachedOnSecond(List.of(path));

        // The listening backend stops answering without closing its connection, like a lost network.
        signal("STOP", frozen);
        try {
            long written = written(admin.put(path, Map.of("price", 4)));
            noStaleReadBeyondOneSecond(path, written, body -> priceIs(body, "4"));
        } finally {
            signal("CONT", frozen);
        }
        awaitListening(listener, 0);
        cachedOnSecond(List.of(path));
        visibleOnSecond(path, written(admin.put(path, Map.of("price", 5))), body -> priceIs(body, "5"));
    }

    @Test
    void aCachedAnswerIsTheDatabasesAnswerByteForByteAndHeaderForHeader() {
        CatalogResponseCache cache = second.getBean(CatalogResponseCache.class);
        long store = catalog.store();
        catalog.link(catalog.item(store), catalog.tag(store));
        for (String path : List.of("/store/" + store, "/store?size=2", "/item?store_id=" + store)) {
            cache.clear();
            ApiResponse fromDatabase = onSecond().get(path);
            assertThat(cache.find(key(path))).as(path).isNotNull();
            double hits = cacheHits();
            ApiResponse fromCache = onSecond().get(path);
            assertThat(cacheHits()).as("counted in cache_gets_total{result=hit}").isGreaterThan(hits);

            assertThat(fromCache.status()).isEqualTo(fromDatabase.status());
            assertThat(fromCache.body()).isEqualTo(fromDatabase.body());
            assertThat(withoutDate(fromCache)).as(path).isEqualTo(withoutDate(fromDatabase));
        }
    }

    @Test
    void everyAcceptHeaderGetsWhatContentNegotiationGivesItAndNoOtherClientsAnswer() {
        CatalogResponseCache cache = second.getBean(CatalogResponseCache.class);
        String path = "/store/" + catalog.store();
        ApiClient client = onSecond();
        for (String accept : List.of("application/xml", "text/html", "application/json;q=0", "a/b/c;;",
                "application/json", "*/*", "application/*", "text/html, application/json;q=0.5",
                "application/json;charset=UTF-8", "application/problem+json", "application/vnd.x+json")) {
            // One line as given, and after a second line (ApiClient's own Accept): all lines count.
            for (boolean secondLine : List.of(false, true)) {
                String as = (secondLine ? "two lines, " : "") + accept;
                cache.clear();
                ApiResponse plainFirst = client.get(path);
                ApiResponse first = client.send(secondLine
                        ? client.request(path).header("Accept", accept).GET()
                        : client.request(path).setHeader("Accept", accept).GET());
                ApiResponse again = client.send(secondLine
                        ? client.request(path).header("Accept", accept).GET()
                        : client.request(path).setHeader("Accept", accept).GET());
                ApiResponse plainAgain = client.get(path);

                assertThat(again.status()).as(as).isEqualTo(first.status());
                assertThat(again.contentType()).as(as).isEqualTo(first.contentType());
                assertThat(again.body()).as(as).isEqualTo(first.body());
                assertThat(plainAgain.contentType()).as(as).isEqualTo(plainFirst.contentType());
                assertThat(plainAgain.header("ETag")).as(as).isEqualTo(plainFirst.header("ETag"));
            }
        }
    }

    private static double cacheHits() {
        return second.getBean(MeterRegistry.class).get("cache.gets").tag("cache", "catalog").tag("result", "hit")
                .functionCounter().count();
    }

    private static Map<String, List<String>> withoutDate(ApiResponse response) {
        Map<String, List<String>> headers = new java.util.TreeMap<>(response.headers().map());
        headers.remove("date");
        return headers;
    }

    /** The cache key of a GET by ApiClient. */
    private static String key(String pathAndQuery) {
        return CatalogCacheFilter.key(List.of(ApiClient.ACCEPT), pathAndQuery);
    }

    private static ApiClient onSecond() {
        return new ApiClient(second.getEnvironment());
    }

    /** Reads each path on the second instance until its cache holds a current copy. */
    private static void cachedOnSecond(List<String> paths) {
        CatalogResponseCache cache = second.getBean(CatalogResponseCache.class);
        for (String path : paths) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (cache.find(key(path)) == null) {
                assertThat(onSecond().get(path).status()).as(path).isEqualTo(200);
                assertThat(System.nanoTime()).as("cached on the second instance: " + path).isLessThan(deadline);
            }
        }
    }

    private static long written(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return System.nanoTime();
    }

    private static void visibleOnSecond(String path, long writtenAt, int status) {
        visibleOnSecond(path, writtenAt, response -> response.status() == status, "status " + status);
    }

    private static void visibleOnSecond(String path, long writtenAt, Predicate<String> fresh) {
        visibleOnSecond(path, writtenAt, response -> response.status() == 200 && fresh.test(response.body()),
                "the write's result");
    }

    private static void visibleOnSecond(String path, long writtenAt, Predicate<ApiResponse> fresh, String what) {
        List<String> seen = new ArrayList<>();
        while (true) {
            long askedAt = System.nanoTime();
            ApiResponse response = onSecond().get(path);
            if (fresh.test(response)) {
                return;
            }
            seen.add(response.status() + " " + response.body());
            assertThat((askedAt - writtenAt) / 1_000_000).as("%s on the second instance: %s, still %s",
                    path, what, seen.getLast()).isLessThan(VISIBLE_WITHIN_MS);
        }
    }

    /** Reads for 1.5 s after the write: any read that starts over 1 s after it must be fresh. */
    private static void noStaleReadBeyondOneSecond(String path, long writtenAt, Predicate<String> fresh)
            throws InterruptedException {
        boolean sawFresh = false;
        while (System.nanoTime() - writtenAt < 1_500_000_000L) {
            long askedAt = System.nanoTime();
            ApiResponse response = onSecond().get(path);
            boolean isFresh = response.status() == 200 && fresh.test(response.body());
            if (askedAt - writtenAt > 1_000_000_000L) {
                assertThat(isFresh).as("read %d ms after the write: %s", (askedAt - writtenAt) / 1_000_000,
                        response.body()).isTrue();
            }
            sawFresh |= isFresh;
            Thread.sleep(20);
        }
        assertThat(sawFresh).isTrue();
    }

    private static void awaitListening(CatalogChangeListener listener, int notThisBackend) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (listener.backendPid() == 0 || listener.backendPid() == notThisBackend || !listener.hearing()) {
            assertThat(System.nanoTime()).as("listening again").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void signal(String signal, int pid) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Integer.toString(pid)).inheritIO().start().waitFor())
                .isZero();
    }

    /** Stores on the second instance, as GET /store counts them (the first page shows 100 at most). */
    private static long storeCount() {
        return storeCount(onSecond().get("/store"));
    }

    private static long storeCount(ApiResponse storeList) {
        return Long.parseLong(storeList.header("X-Total-Count"));
    }

    private static List<Long> itemIds(String storeBody) {
        return json(storeBody).get("items").valueStream().map(item -> item.get("id").asLong()).toList();
    }

    private static boolean priceIs(String body, String price) {
        return json(body).get("price").decimalValue().compareTo(new BigDecimal(price)) == 0;
    }

    private static JsonNode json(String body) {
        return new ApiResponse(200, null, body).json();
    }
}
