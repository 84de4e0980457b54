package dev.storesapi.idempotency;

import dev.storesapi.support.Accounts;
import dev.storesapi.support.Admin;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.Catalog;
import dev.storesapi.support.HeldTransaction;
import dev.storesapi.support.IntegrationTest;
import dev.storesapi.support.SecondInstance;
import java.net.http.HttpRequest.BodyPublishers;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static dev.storesapi.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotency-Key on creates (docs/api.md "Retrying a create"), against PostgreSQL and two
 * instances: a repeat gets the first answer and writes nothing, wherever it lands.
 */
@IntegrationTest
class IdempotencyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ConfigurableApplicationContext second;

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
    Accounts accounts;

    @Autowired
    IdempotencyKeys keys;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeAll
    static void startSecondInstance() {
        // Two sign-ups an hour per address: only signUpRepeatsAreNotCountedBySignUpLimit signs up there.
        second = SecondInstance.start("--RATE_LIMIT_REGISTER_PER_IP=2/1h");
    }

    @AfterAll
    static void stopSecondInstance() {
        second.close();
    }

    @Test
    void aRetriedCreateOnAnotherInstanceGetsTheFirstAnswerAndMakesNoSecondRow() {
        String key = UUID.randomUUID().toString();
        String name = Catalog.unique("retried");

        ApiResponse first = post(api, "/store", key, Map.of("name", name));
        ApiResponse again = post(api.on(second.getEnvironment()), "/store", key, Map.of("name", name));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(jdbc.queryForObject("select count(*) from stores where name = ?", Integer.class, name)).isEqualTo(1);
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        assertThat(post(api, "/store", key, Map.of("name", Catalog.unique("first"))).status()).isEqualTo(201);

        assertProblem(post(api, "/store", key, Map.of("name", Catalog.unique("second"))), 422, "idempotency_key_reused");
    }

    /**
     * The first request's insert waits for a store of the same name that a transaction of the test's
     * own holds uncommitted, so the second finds the first still running; the held one then rolls back.
     */
    @Test
    void aRepeatWhileTheFirstRunsIsAConflictWithRetryAfter() {
        String key = UUID.randomUUID().toString();
        String name = Catalog.unique("running");
        Map<String, Object> store = Map.of("name", name);
        CompletableFuture<ApiResponse> running;
        ApiResponse during;
        try (HeldTransaction other = HeldTransaction.begin(database)) {
            other.update("insert into stores (name) values (?)", name);
            running = CompletableFuture.supplyAsync(() -> post(api, "/store", key, store));
            other.awaitWaiter();
            during = post(api.on(second.getEnvironment()), "/store", key, store);
        }
        ApiResponse first = running.join();

        assertProblem(during, 409, "idempotency_key_in_use");
        assertThat(during.header("Retry-After")).isEqualTo("1");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(post(api, "/store", key, store).header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(jdbc.queryForObject("select count(*) from stores where name = ?", Integer.class, name)).isEqualTo(1);
    }

    /**
     * The lookup of a claim may run on a snapshot from before the commit of a first request that had
     * just let the lock go; the answer stored by that first request then wins over this one's.
     */
    @Test
    void anAnswerCommittedAfterTheLookUpWinsOverTheRepeats() {
        String key = UUID.randomUUID().toString();
        StoredAnswer answer = new StoredAnswer(201, "application/json", null, null, "{}");
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        Boolean stored = transaction.execute(status -> {
            assertThat(keys.claim("user:0", key, "hash")).isEqualTo(new Claim.Claimed());
            new TransactionTemplate(transactions, new DefaultTransactionDefinition(
                    TransactionDefinition.PROPAGATION_REQUIRES_NEW)).executeWithoutResult(first ->
                    keys.store("user:0", key, "hash", answer));
            boolean mine = keys.store("user:0", key, "hash", answer);
            status.setRollbackOnly();
            return mine;
        });

        assertThat(stored).isFalse();
    }

    @Test
    void anErrorAnswerIsNotKeptAndFreesTheKey() {
        String key = UUID.randomUUID().toString();

        assertProblem(post(api, "/store", key, Map.of("name", "")), 422, "validation_failed");
        ApiResponse created = post(api, "/store", key, Map.of("name", Catalog.unique("after an error")));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aKeyBelongsToItsCallerAlone() {
        String key = UUID.randomUUID().toString();
        ApiClient one = accounts.user();
        ApiClient other = accounts.user();

        ApiResponse first = post(one, "/store", key, Map.of("name", Catalog.unique("one's")));
        ApiResponse second = post(other, "/store", key, Map.of("name", Catalog.unique("other's")));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isNull();
        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    void anExpiredKeyRunsAgainAndThePurgeDeletesExpiredKeys() {
        long storeId = catalog.store();
        String key = UUID.randomUUID().toString();
        Map<String, Object> item = Map.of("name", "Lamp", "price", 5, "store_id", storeId);
        assertThat(post(api, "/item", key, item).status()).isEqualTo(201);
        jdbc.update("update idempotency_keys set expires_at = ? where idempotency_key = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), key);

        ApiResponse again = post(api, "/item", key, item);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isNull();
        assertThat(jdbc.queryForObject("select count(*) from items where store_id = ?", Integer.class, storeId))
                .isEqualTo(2);
        jdbc.update("update idempotency_keys set expires_at = ? where idempotency_key = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), key);
        keys.purgeExpired();
        assertThat(jdbc.queryForObject("select count(*) from idempotency_keys where idempotency_key = ?", Integer.class,
                key)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "é", "a\u0001b", "TWO"})
    void aKeyThatIsNotOneValueOfPrintableAsciiIsA400(String key) {
        String headers = key.equals("TWO") ? "Idempotency-Key: a\r\nIdempotency-Key: b\r\n" : "Idempotency-Key: " + key + "\r\n";
        String body = "{\"name\":\"" + Catalog.unique("bad key") + "\"}";
        String raw = api.rawExchange("POST /store HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + accounts.adminLogin().access()
                + "\r\nContent-Type: application/json\r\n" + headers + "Content-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body, "/store");

        assertThat(raw).as(key).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json");
    }

    @Test
    void aKeyLongerThan255CharactersIsA400() {
        assertProblem(post(api, "/store", "k".repeat(256), Map.of("name", Catalog.unique("long key"))), 400,
                "malformed_request");
        assertThat(post(api, "/store", "k".repeat(255) , Map.of("name", Catalog.unique("longest key"))).status())
                .isEqualTo(201);
    }

    /** The second instance allows two sign-ups an hour per address; the repeats of one key count once. */
    @Test
    void signUpRepeatsAreNotCountedBySignUpLimit() {
        ApiClient anonymous = accounts.anonymous().on(second.getEnvironment());
        String key = UUID.randomUUID().toString();
        String username = "idem_" + key.substring(0, 8);
        Map<String, Object> signUp = Map.of("username", username, "email", username + "@example.com",
                "password", "long enough pw");

        for (int i = 0; i < 4; i++) {
            assertThat(post(anonymous, "/register", key, signUp).status()).as("attempt %d", i).isEqualTo(201);
        }
        String other = "idem2_" + key.substring(0, 8);
        assertThat(anonymous.post("/register", Map.of("username", other, "email", other + "@example.com",
                "password", "long enough pw")).status()).isEqualTo(201);
        assertProblem(anonymous.post("/register", Map.of("username", other + "x", "email", other + "x@example.com",
                "password", "long enough pw")), 429, "rate_limited");
    }

    private static ApiResponse post(ApiClient client, String path, String key, Object body) {
        return client.send(client.request(path).header("Idempotency-Key", key).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }
}
