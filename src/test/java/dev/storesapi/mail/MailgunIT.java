package dev.storesapi.mail;

import com.sun.net.httpserver.HttpServer;
import dev.storesapi.StoresApiApplication;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.TestPostgres;
import dev.storesapi.support.TestSecrets;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The registration email through Mailgun's HTTP API, against a local HTTP server standing in for
 * Mailgun: the request Mailgun documents (path, Basic auth, form fields), and a retry after a 5xx.
 */
class MailgunIT {

    private static final String KEY = "key-for-mailgun-tests";
    private static final String DOMAIN = "mg.example.com";
    private static final List<Received> received = new CopyOnWriteArrayList<>();
    /** How many of the next requests the stand-in answers 503. */
    private static final AtomicInteger refuseNext = new AtomicInteger();
    private static HttpServer mailgun;
    private static ConfigurableApplicationContext app;

    record Received(String method, String path, String authorization, String contentType, Map<String, String> form) {
    }

    @BeforeAll
    static void startMailgunStandInAndTheService() throws IOException {
        mailgun = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        mailgun.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), form(body)));
            boolean refuse = refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            byte[] answer = (refuse ? "{\"message\":\"try later\"}" : "{\"id\":\"<1@mg>\",\"message\":\"Queued\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(refuse ? 503 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        mailgun.start();
        // No REDIS_URL: delivered in process, with its retries.
        app = new SpringApplicationBuilder(StoresApiApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + TestPostgres.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--JWT_SECRET_KEY=" + TestSecrets.JWT_SECRET_KEY,
                "--MAILGUN_API_KEY=" + KEY,
                "--MAILGUN_DOMAIN=" + DOMAIN,
                "--MAILGUN_API_BASE=http://127.0.0.1:" + mailgun.getAddress().getPort(),
                "--MAIL_FROM=Stores API <no-reply@" + DOMAIN + ">",
                "--EMAIL_RETRY_DELAY=200ms");
    }

    @AfterAll
    static void stopAll() {
        app.close();
        mailgun.stop(0);
    }

    @Test
    void registrationEmailIsPostedToMailgunsMessagesEndpoint() {
        String username = register();

        Received request = await().atMost(Duration.ofSeconds(20)).until(() -> requestFor(username), r -> r != null);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v3/" + DOMAIN + "/messages");
        assertThat(request.authorization()).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString(("api:" + KEY).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(request.form()).containsEntry("from", "Stores API <no-reply@" + DOMAIN + ">")
                .containsEntry("subject", "Successfully signed up");
        assertThat(request.form().get("text")).contains("Welcome, " + username + "!");
        assertThat(request.form().get("html")).contains(">" + username + "<");
    }

    @Test
    void aRefusedSendIsRetried() {
        refuseNext.set(1);
        String username = register();

        await().atMost(Duration.ofSeconds(20)).until(() -> received.stream()
                .filter(r -> (username + "@example.com").equals(r.form().get("to"))).count() == 2);
    }

    private static Received requestFor(String username) {
        return received.stream().filter(r -> (username + "@example.com").equals(r.form().get("to")))
                .findFirst().orElse(null);
    }

    private static String register() {
        String username = "mg_" + UUID.randomUUID().toString().substring(0, 8);
        int status = new ApiClient(app.getEnvironment()).post("/register", Map.of("username", username,
                "email", username + "@example.com", "password", "long enough password")).status();
        assertThat(status).isEqualTo(201);
        return username;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2) {
                fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
