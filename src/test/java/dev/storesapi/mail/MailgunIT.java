package dev.storesapi.mail;

import com.sun.net.httpserver.HttpServer;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.PrivateRedis;
import dev.storesapi.support.SecondInstance;
import dev.storesapi.support.TestSecrets;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The registration email through Mailgun's HTTP API, against a local HTTP server standing in for
 * Mailgun: the request Mailgun documents (path, Basic auth, form fields), and a retry after a 5xx.
 */
class MailgunIT {

    private static final String KEY = TestSecrets.MAILGUN_API_KEY;
    private static final String DOMAIN = "mg.example.com";
    private static final String RENDER_EXTERNAL_URL = "https://stores-a1b2.onrender.com";
    private static final List<Received> received = new CopyOnWriteArrayList<>();
    /** How many of the next requests the stand-in answers 503. */
    private static final AtomicInteger refuseNext = new AtomicInteger();
    /** Whether the next request for a "slow" address waits past the client's read timeout. */
    private static final AtomicBoolean stallNextSlow = new AtomicBoolean(true);
    private static HttpServer mailgun;
    private static ConfigurableApplicationContext app;
    /** A web instance with a Redis of its own and the worker in process: the stream path. */
    private static PrivateRedis redis;
    private static ConfigurableApplicationContext withWorker;

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
            if (body.contains("slow") && stallNextSlow.getAndSet(false)) {
                sleep(MailgunEmailSender.READ_TIMEOUT.plusSeconds(1));
            }
            boolean refuse = refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            boolean invalid = body.contains("bounce");
            int status = invalid ? 400 : refuse ? 503 : 200;
            byte[] answer = (status == 200 ? "{\"id\":\"<1@mg>\",\"message\":\"Queued\"}" : "{\"message\":\"no\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        // One thread per request, so that a stalled answer does not hold up the others.
        mailgun.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        mailgun.start();
        // No REDIS_URL: delivered in process, with its retries.
        app = startWithMailgun("--EMAIL_RETRY_DELAY=200ms");
        redis = PrivateRedis.start();
        // Configured like the free Render route: Key Value, the worker in the web process, Mailgun,
        // and the address Render gives a web service.
        withWorker = startWithMailgun(SecondInstance.redis(redis.url()), "--EMAIL_WORKER_ENABLED=true",
                "--RENDER_EXTERNAL_URL=" + RENDER_EXTERNAL_URL,
                // Accepted with Mailgun's 9 s of timeouts; SMTP's 25 s would refuse it at start-up.
                "--EMAIL_RETRY_DELAY=10s");
    }

    private static ConfigurableApplicationContext startWithMailgun(String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--MAILGUN_API_KEY=" + KEY,
                "--MAILGUN_DOMAIN=" + DOMAIN,
                "--MAILGUN_API_BASE=http://127.0.0.1:" + mailgun.getAddress().getPort(),
                "--MAIL_FROM=Stores API <no-reply@" + DOMAIN + ">"));
        arguments.addAll(List.of(settings));
        return SecondInstance.start(arguments);
    }

    @AfterAll
    static void stopAll() {
        withWorker.close();
        redis.stop();
        app.close();
        mailgun.stop(0);
    }

    @Test
    void theWorkerSendsThroughMailgunAndDeadLettersARefusalAtOnce() {
        String delivered = register(withWorker, "mg");
        String refused = register(withWorker, "bounce");

        await().atMost(Duration.ofSeconds(20)).until(() -> requestFor(delivered) != null && requestFor(refused) != null);
        StringRedisTemplate streams = withWorker.getBean(StringRedisTemplate.class);
        EmailProperties properties = withWorker.getBean(EmailProperties.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> streams.opsForStream()
                .range(properties.deadLetterStream(), Range.unbounded()).stream()
                .anyMatch(dead -> refused.equals(dead.getValue().get("username"))
                        && String.valueOf(dead.getValue().get("error")).startsWith("refused for good")));
        assertThat(requestsFor(refused)).isEqualTo(1);
        assertThat(requestFor(delivered).form().get("text")).contains(RENDER_EXTERNAL_URL + "/swagger-ui.html");
        assertThat(requestFor(delivered).form().get("html")).contains("href=\"" + RENDER_EXTERNAL_URL + "/swagger-ui.html\"");
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
    void twoServiceUnavailableAnswersAreRetriedAndTheEmailIsSentOnce() throws InterruptedException {
        refuseNext.set(2);
        String username = register();

        await().atMost(Duration.ofSeconds(20)).until(() -> requestsFor(username) == 3);
        awaitRecordedSent(username, 3);
        Thread.sleep(1000);
        assertThat(requestsFor(username)).as("no send after the accepted one").isEqualTo(3);
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsRetried() {
        String username = register("slow");

        await().atMost(Duration.ofSeconds(20)).until(() -> requestsFor(username) == 2);
        awaitRecordedSent(username, 2);
    }

    @Test
    void anEmailMailgunRefusesWithA400IsNotRetried() throws InterruptedException {
        String username = register("bounce");

        await().atMost(Duration.ofSeconds(20)).until(() -> requestFor(username) != null);
        // With EMAIL_RETRY_DELAY=200ms a retried send would have come back twice by now.
        Thread.sleep(1500);

        assertThat(requestsFor(username)).isEqualTo(1);
        assertThat(app.getBean(JdbcTemplate.class).queryForObject("select last_error from email_outbox where payload like ? "
                + "and dead_at is not null and send_attempts = 1", String.class, "%\"" + username + "\"%"))
                .startsWith("refused for good: HTTP 400");
    }

    private static long requestsFor(String username) {
        return received.stream().filter(r -> (username + "@example.com").equals(r.form().get("to"))).count();
    }

    /** Sent, as PostgreSQL records it, in that many attempts. */
    private static void awaitRecordedSent(String username, int attempts) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject("select count(*) from email_outbox "
                + "where payload like ? and sent_at is not null and send_attempts = ?", Integer.class,
                "%\"" + username + "\"%", attempts) == 1);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Received requestFor(String username) {
        return received.stream().filter(r -> (username + "@example.com").equals(r.form().get("to")))
                .findFirst().orElse(null);
    }

    private static String register() {
        return register(app, "mg");
    }

    private static String register(String prefix) {
        return register(app, prefix);
    }

    private static String register(ConfigurableApplicationContext instance, String prefix) {
        String username = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        int status = new ApiClient(instance.getEnvironment()).post("/register", Map.of("username", username,
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
