package dev.storesapi.web;

import dev.storesapi.support.Accounts;
import dev.storesapi.support.Admin;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.Catalog;
import dev.storesapi.support.Catalog.StoreItemTag;
import dev.storesapi.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Strong ETags, If-None-Match → 304 and Cache-Control: no-cache on the catalog's GETs. */
@IntegrationTest
class ConditionalGetIT {

    @Autowired
    Catalog catalog;

    @Autowired
    Accounts accounts;

    @Autowired
    @Admin
    ApiClient admin;

    @Test
    void aCurrentEtagGetsA304WithoutBodyAndAChangeGetsANewEtag() {
        long store = catalog.store();
        long item = catalog.item(store, Catalog.unique("lamp"), new BigDecimal("9.99"));
        ApiClient anyone = accounts.anonymous();

        ApiResponse first = anyone.get("/item/" + item);
        String etag = first.header("ETag");
        assertThat(first.status()).isEqualTo(200);
        assertThat(etag).as("strong: quoted, no W/").matches("\"[^\"]+\"");
        assertThat(first.header("Cache-Control")).isEqualTo("no-cache");

        ApiResponse unchanged = conditional(anyone, "/item/" + item, etag);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.header("ETag")).isEqualTo(etag);

        assertThat(admin.put("/item/" + item, Map.of("price", 10.5)).status()).isEqualTo(200);
        ApiResponse changed = conditional(anyone, "/item/" + item, etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("price").asDouble()).isEqualTo(10.5);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void everyCatalogReadIsConditionalListsIncluded() {
        StoreItemTag made = catalog.taggedItem();
        ApiClient anyone = accounts.anonymous();

        for (String path : List.of("/store", "/store/" + made.store(), "/item", "/item?store_id=" + made.store(), "/item/" + made.item(),
                "/tag/" + made.tag(), "/store/" + made.store() + "/tag", "/store?page=0&size=5")) {
            ApiResponse response = anyone.get(path);
            assertThat(response.header("ETag")).as(path).isNotNull();
            assertThat(conditional(anyone, path, response.header("ETag")).status()).as(path).isEqualTo(304);
        }
    }

    @Test
    void errorsPrivateDataAndStaleOrOddValidatorsAreNeverAnsweredWith304() {
        ApiClient anyone = accounts.anonymous();
        ApiClient user = accounts.user();
        long store = catalog.store();

        ApiResponse missing = anyone.get("/store/987654321");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("ETag")).isNull();
        assertThat(missing.header("Cache-Control")).as("errors are not kept").contains("no-store");
        ApiResponse me = user.get("/user/me");
        assertThat(me.header("ETag")).as("per-user data is not conditional").isNull();
        assertThat(me.header("Cache-Control")).contains("no-store");

        for (String odd : List.of("\"not-the-tag\"", "W/\"x\"", "garbage without quotes", "\"" + "x".repeat(4000) + "\"")) {
            assertThat(conditional(anyone, "/store/" + store, odd).status()).as(odd).isEqualTo(200);
        }
    }

    @Test
    void aChangeOfTheTotalAloneChangesTheEtagOfAPage() {
        ApiClient anyone = accounts.anonymous();
        catalog.store();
        ApiResponse firstPage = anyone.get("/store?page=0&size=1");

        catalog.store(); // lands on a later page: the first page's body stays the same

        ApiResponse again = conditional(anyone, "/store?page=0&size=1", firstPage.header("ETag"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(firstPage.body());
        assertThat(again.header("X-Total-Count")).isNotEqualTo(firstPage.header("X-Total-Count"));
    }

    private static ApiResponse conditional(ApiClient client, String path, String etag) {
        return client.send(client.request(path).header("If-None-Match", etag).GET());
    }
}
