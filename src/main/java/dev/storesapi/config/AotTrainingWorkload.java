package dev.storesapi.config;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The workload of the image's AOT training run (Dockerfile, docs/deploy.md). With
 * {@code STORES_AOT_TRAINING_ENABLED=true} the service, once ready, calls its own API over loopback
 * as clients do (sign-up, sign-in, catalog writes and reads, refused requests, health, the OpenAPI
 * document), {@code STORES_AOT_TRAINING_ROUNDS} times, and then exits. The JDK writes the classes
 * this loaded and linked, and the profiles of the methods that ran, into the AOT cache at exit, so
 * that a cold start begins with what its first requests need already prepared.
 * <p>
 * Any unexpected status ends the run with an exception and a non-zero exit, which fails the image
 * build: a cache trained on error pages would prepare the wrong code.
 * <p>
 * Always a bean, started or not at run time: the training runs in Spring AOT mode, from the bean
 * definitions generated at build time with the training switched off (docs/deploy.md "Spring AOT").
 */
@Component
@EnableConfigurationProperties(AotTrainingProperties.class)
class AotTrainingWorkload {

    private static final Logger log = LoggerFactory.getLogger(AotTrainingWorkload.class);
    private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refresh_token\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final boolean enabled;
    private final int rounds;
    private String base;

    AotTrainingWorkload(AotTrainingProperties properties) {
        this.enabled = properties.enabled();
        this.rounds = properties.rounds();
    }

    /** On its own thread: the service reports itself ready only after this listener returns. */
    @EventListener
    void startTraining(ApplicationReadyEvent ready) {
        if (!enabled) {
            return;
        }
        Thread.ofPlatform().name("aot-training").start(() -> {
            int status;
            try {
                train(((WebServerApplicationContext) ready.getApplicationContext()).getWebServer().getPort());
                status = SpringApplication.exit(ready.getApplicationContext());
            } catch (Exception failed) {
                log.error("AOT training failed", failed);
                SpringApplication.exit(ready.getApplicationContext());
                status = 1;
            }
            System.exit(status);
        });
    }

    /** The workload against the service on {@code port}; throws at the first unexpected answer. */
    void train(int port) throws IOException, InterruptedException {
        base = "http://127.0.0.1:" + port;
        long started = System.nanoTime();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String username = "training_" + run;
        call("POST", "/register", "{\"username\":\"" + username + "\",\"email\":\"" + username
                + "@example.com\",\"password\":\"training-password\"}", null, 201);
        String login = call("POST", "/login", credentials(username), null, 200);
        String access = find(ACCESS_TOKEN, login);
        call("GET", "/v3/api-docs", null, null, 200);
        call("GET", "/swagger-ui/index.html", null, null, 200);
        call("GET", "/user/me", null, access, 200);
        for (int round = 0; round < rounds; round++) {
            if (round % 20 == 19) {
                access = find(ACCESS_TOKEN, call("POST", "/login", credentials(username), null, 200));
            }
            trainCatalog(run + "-" + round, access);
        }
        call("POST", "/refresh", null, find(REFRESH_TOKEN, login), 200);
        call("POST", "/logout", null, access, 200);
        log.info("AOT training: {} rounds of requests in {} ms; exiting so that the JVM writes the AOT cache",
                rounds, (System.nanoTime() - started) / 1_000_000);
    }

    private static String credentials(String username) {
        return "{\"username\":\"" + username + "\",\"password\":\"training-password\"}";
    }

    /** One round: what a client of the catalog does, including what it gets wrong. */
    private void trainCatalog(String name, String token) throws IOException, InterruptedException {
        String store = find(ID, call("POST", "/store", "{\"name\":\"Training " + name + "\"}", token, 201));
        String tag = find(ID, call("POST", "/store/" + store + "/tag", "{\"name\":\"tag " + name + "\"}", token, 201));
        String item = find(ID, call("POST", "/item", "{\"name\":\"Item " + name + "\",\"price\":17.99,\"store_id\":"
                + store + ",\"description\":\"Oak\"}", token, 201));
        call("PUT", "/item/" + item, "{\"price\":18.5,\"description\":null}", token, 200);
        call("POST", "/item/" + item + "/tag/" + tag, null, token, 201);
        call("GET", "/store", null, null, 200);
        call("GET", "/store?page=1&size=20", null, null, 200);
        call("GET", "/store/" + store, null, null, 200);
        call("GET", "/store/" + store + "/tag", null, null, 200);
        call("GET", "/item/" + item, null, null, 200);
        call("GET", "/item?store_id=" + store, null, null, 200);
        call("GET", "/tag/" + tag, null, null, 200);
        call("GET", "/actuator/health/readiness", null, null, 200);
        call("GET", "/store/2147483646", null, null, 404);
        call("POST", "/store", "{\"name\":\"\"}", token, 422);
        call("POST", "/store", "{\"name\":\"Training " + name + "\"}", token, 409);
        call("POST", "/store", "{\"name\":\"anonymous\"}", null, 401);
        call("DELETE", "/item/" + item + "/tag/" + tag, null, token, 200);
    }

    private String call(String method, String path, String json, String token, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        var response = http.send(request.build(), BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("AOT training: " + method + " " + path + " answered "
                    + response.statusCode() + ", expected " + expected + ": " + response.body());
        }
        return response.body();
    }

    private static String find(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("AOT training: unexpected response " + body);
        }
        return matcher.group(1);
    }
}
