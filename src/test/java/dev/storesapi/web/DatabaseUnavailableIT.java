package dev.storesapi.web;

import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.storesapi.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** docs/api.md "Errors": database unreachable → 503, and the service recovers by itself when it returns. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.connection-timeout=1000",
        "spring.datasource.hikari.validation-timeout=500"})
@Import(ApiClient.class)
@ExtendWith(OutputCaptureExtension.class)
class DatabaseUnavailableIT {

    private static final Path DATA = tempDir();
    private static final int PORT = freePort();
    private static EmbeddedPostgres database = start();

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + PORT + "/postgres");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @Autowired
    ApiClient api;

    @Test
    void answersServiceUnavailableWhileTheDatabaseIsDownAndRecovers(CapturedOutput output) throws IOException {
        assertThat(api.get("/store").status()).isEqualTo(200);
        String password = "long enough password";
        api.post("/register", Map.of("username", "down_user", "email", "down@example.com", "password", password));
        String token = api.post("/login", Map.of("username", "down_user", "password", password))
                .json().get("access_token").asString();

        database.close();
        int logBefore = output.getOut().length();
        // The token's session cannot be checked: not a 401, not a 500.
        assertProblem(api.withToken(token).get("/user/me"), 503, "service_unavailable");
        ApiResponse down = api.get("/store");
        String logged = output.getOut().substring(logBefore);
        // Per request (docs/security.md): Tomcat's stack trace of the session lookup, Hibernate's WARN pair
        // and Hikari's trace per dropped connection are gone. (The registration email sent meanwhile
        // may log its own failed attempt.)
        assertThat(logged).doesNotContain("Servlet.service()", "HHH000247", "marked as broken");
        assertThat(logged.lines().filter(line -> line.contains("Database unavailable on"))).hasSize(2);
        assertProblem(down, 503, "service_unavailable", "The database is unavailable. Try again shortly.");
        assertThat(down.header("Retry-After")).isEqualTo("5");
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(503);

        database = start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/store").status()).isEqualTo(200));
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(api.withToken(token).get("/user/me").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() throws IOException {
        database.close();
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().setPort(PORT).setDataDirectory(DATA).setCleanDataDirectory(false).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("stores-pg-down-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
