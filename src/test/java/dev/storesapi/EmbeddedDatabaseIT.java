package dev.storesapi;

import dev.storesapi.mail.EmailQueue;
import dev.storesapi.support.Accounts;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.Catalog;
import dev.storesapi.support.TestMail;
import dev.storesapi.support.TestSecrets;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.storesapi.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Boots as `./mvnw spring-boot:run` does without DATABASE_URL or JWT_SECRET_KEY: on the embedded H2
 * file database, migrated by the same Flyway scripts, with a random signing key; and runs every
 * kind of SQL the catalog and the login sessions use through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ApiClient.class, Accounts.class, Catalog.class})
class EmbeddedDatabaseIT {

    private static final Path DATA_DIR = createDataDir();

    @DynamicPropertySource
    static void embeddedDefaults(DynamicPropertyRegistry registry) {
        registry.add("DATA_DIR", DATA_DIR::toString);
        registry.add("DATABASE_URL", () -> "");
        // No JWT_SECRET_KEY: the embedded default signs with a random key.
        registry.add("ADMIN_USERNAME", () -> TestSecrets.ADMIN_USERNAME);
        registry.add("ADMIN_EMAIL", () -> TestSecrets.ADMIN_EMAIL);
        registry.add("ADMIN_PASSWORD", () -> TestSecrets.ADMIN_PASSWORD);
        // No REDIS_URL: email jobs are delivered in this process (to GreenMail).
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMail::port);
        registry.add("EMAIL_RETRY_DELAY", () -> "300ms");
    }

    @Autowired
    Accounts accounts;

    ApiClient api;

    @Autowired
    Catalog catalog;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmailQueue emailQueue;

    @Test
    void runsOnTheEmbeddedFileDatabaseMigratedByFlyway() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).startsWith("jdbc:h2:file:" + DATA_DIR + "/stores");
        }
        assertThat(Files.exists(DATA_DIR.resolve("stores.mv.db"))).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void servesTheWholeCatalog() {
        api = accounts.admin();
        String name = Catalog.unique("h2 shop");
        long storeId = catalog.store(name);
        assertProblem(api.post("/store", Map.of("name", name)), 409, "conflict");

        long itemId = catalog.item(storeId);
        long tagId = catalog.tag(storeId, "sale");
        assertProblem(api.post("/store/" + storeId + "/tag", Map.of("name", "sale")), 409, "conflict");
        assertThat(api.post("/item/" + itemId + "/tag/" + tagId).status()).isEqualTo(201);
        assertThat(api.post("/item/" + itemId + "/tag/" + tagId).status()).isEqualTo(200);

        ApiResponse filtered = api.get("/item?store_id=" + storeId + "&tag=sale&size=1");
        assertThat(filtered.json().get(0).get("id").asLong()).isEqualTo(itemId);
        assertThat(filtered.header("X-Total-Count")).isEqualTo("1");
        assertThat(api.get("/store/" + storeId).json().get("items").size()).isEqualTo(1);
        assertThat(api.get("/store/" + storeId + "/tag").json().get(0).get("items").size()).isEqualTo(1);

        assertProblem(api.delete("/tag/" + tagId), 409, "conflict");
        assertThat(api.delete("/item/" + itemId + "/tag/" + tagId).status()).isEqualTo(200);
        assertThat(api.put("/item/" + itemId, Map.of("price", 20.5)).json().get("price").toString()).isEqualTo("20.5");
        assertThat(api.delete("/tag/" + tagId).status()).isEqualTo(200);

        catalog.link(itemId, catalog.tag(storeId));
        assertThat(api.delete("/store/" + storeId).status()).isEqualTo(200);
        assertProblem(api.get("/item/" + itemId), 404, "not_found");
        assertThat(jdbc.queryForObject("select count(*) from items_tags where item_id = ?", Integer.class, itemId))
                .isZero();
    }

    /** The key's lock, lookup and stored answer on H2 (docs/api.md "Retrying a create"). */
    @Test
    void replaysARetriedCreate() {
        api = accounts.admin();
        String key = UUID.randomUUID().toString();
        String store = "{\"name\":\"" + Catalog.unique("h2 retried") + "\"}";

        ApiResponse first = postWithKey(key, store);
        ApiResponse again = postWithKey(key, store);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertProblem(postWithKey(key, "{\"name\":\"" + Catalog.unique("h2 other") + "\"}"), 422,
                "idempotency_key_reused");
    }

    private ApiResponse postWithKey(String key, String json) {
        return api.send(api.request("/store").header("Idempotency-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void deliversTheRegistrationEmailInProcessWithoutRedis() {
        assertThat(emailQueue.getClass().getSimpleName()).isEqualTo("InProcessEmailQueue");
        String username = "h2_" + UUID.randomUUID().toString().substring(0, 8);

        accounts.anonymous().post("/register", Map.of("username", username, "email", username + "@example.com",
                "password", "long enough pw"));

        await().atMost(Duration.ofSeconds(20)).until(() -> TestMail.messagesTo(username + "@example.com").size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                "select count(*) from email_outbox where payload like ? and published_at is not null", Integer.class,
                "%" + username + "%") == 1);
    }

    /** The in-process queue retries with the back-off of EMAIL_RETRY_DELAY, as the Redis worker does. */
    @Test
    void retriesAFailedSendInProcess() {
        String username = "h2_retry_" + UUID.randomUUID().toString().substring(0, 8);
        TestMail.stop();
        try {
            accounts.anonymous().post("/register", Map.of("username", username, "email", username + "@example.com",
                    "password", "long enough pw"));
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "select count(*) from email_outbox where payload like ? and last_error is not null",
                    Integer.class, "%" + username + "%") == 1);
        } finally {
            TestMail.start();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> TestMail.messagesTo(username + "@example.com").size() == 1);
        // The sender records the send after the SMTP server has taken the message, so the row can lag the inbox.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select send_attempts from email_outbox where payload like ? and sent_at is not null",
                Integer.class, "%" + username + "%")).singleElement().satisfies(attempts ->
                        assertThat(attempts).isGreaterThanOrEqualTo(2)));
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("stores-h2-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
