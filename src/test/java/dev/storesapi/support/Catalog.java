package dev.storesapi.support;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Creates catalog data over HTTP as the admin, with unique names so tests never depend on each other. */
public class Catalog {

    private final Accounts accounts;

    public Catalog(Accounts accounts) {
        this.accounts = accounts;
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public long store() {
        return store(unique("store"));
    }

    public long store(String name) {
        return created(accounts.admin().post("/store", Map.of("name", name)));
    }

    public long item(long storeId) {
        return item(storeId, unique("item"), new BigDecimal("9.99"));
    }

    public long item(long storeId, String name, BigDecimal price) {
        return created(accounts.admin().post("/item", Map.of("name", name, "price", price, "store_id", storeId)));
    }

    public long tag(long storeId) {
        return tag(storeId, unique("tag"));
    }

    public long tag(long storeId, String name) {
        return created(accounts.admin().post("/store/" + storeId + "/tag", Map.of("name", name)));
    }

    /** A new store with an item and a tag of its own, not linked. */
    public StoreItemTag itemAndTag() {
        long store = store();
        return new StoreItemTag(store, item(store), tag(store));
    }

    /** A new store with an item and a tag of its own, the item linked to the tag. */
    public StoreItemTag taggedItem() {
        StoreItemTag created = itemAndTag();
        link(created.item(), created.tag());
        return created;
    }

    public void link(long itemId, long tagId) {
        assertThat(accounts.admin().post("/item/" + itemId + "/tag/" + tagId).status()).isEqualTo(201);
    }

    /** The ids of a store and of one item and one tag in it. */
    public record StoreItemTag(long store, long item, long tag) {
    }

    private static long created(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.id();
    }
}
