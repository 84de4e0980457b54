package dev.storesapi.deploy;

import dev.storesapi.support.FreePort;
import dev.storesapi.support.OutboxRows;
import dev.storesapi.support.PrivateRedis;
import dev.storesapi.support.TestMail;
import dev.storesapi.support.TestPostgres;
import dev.storesapi.support.TestSecrets;
import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs docker-entrypoint.sh for real, outside Docker: against the packaged jar extracted as the
 * image extracts it, with the entrypoint's JVM options, a postgres:// DATABASE_URL, Redis and SMTP.
 * The image itself is built and run by .ci/image.
 */
class EntrypointIT {

    private static final String JWT = TestSecrets.ENTRYPOINT_JWT_SECRET_KEY;
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    @TempDir
    static Path appHome;

    private final List<Process> started = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void stopWhatIsStillRunning() {
        started.forEach(Process::destroyForcibly);
    }

    @BeforeAll
    static void extractTheJarAsTheImageDoes() throws Exception {
        Path jar;
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            jar = jars.filter(path -> path.getFileName().toString().matches("stores-api-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("run ./mvnw package first"));
        }
        Process extract = new ProcessBuilder(JAVA_HOME.resolve("bin/java").toString(), "-Djarmode=tools", "-jar",
                jar.toString(), "extract", "--application-filename", "app.jar", "--destination", appHome.toString(),
                "--force").inheritIO().start();
        assertThat(extract.waitFor()).isZero();
        // One CPU, as on a Render instance: the entrypoint picks the JVM options it runs there (C1
        // only), which also start each JVM here sooner. (EntrypointJvmOptionsTest covers the others.)
        Files.writeString(Files.createDirectories(appHome.resolve("cgroup")).resolve("cpu.max"), "100000 100000\n");
    }

    /**
     * One start of the web role as render.yaml runs it (prod, a postgres:// DATABASE_URL, REDIS_URL,
     * METRICS_TOKEN): it serves on PORT from the Spring AOT bean definitions, migrates, keeps Actuator
     * closed, queues the registration email in Redis, and stops on SIGTERM.
     */
    @Test
    void webAsRenderRunsItServesMigratesQueuesEmailInRedisAndStopsOnSigterm() throws Exception {
        String database = newDatabase();
        int port = FreePort.belowEphemeralRange();
        // A Redis of its own: the test context's worker reads the shared one's stream.
        try (PrivateRedis ownRedis = PrivateRedis.start()) {
            Started web = start(List.of("web"), Map.of("PORT", Integer.toString(port),
                    "DATABASE_URL", postgresUrl(database), "REDIS_URL", ownRedis.url(), "JWT_SECRET_KEY", JWT,
                    "SPRING_PROFILES_ACTIVE", "prod", "METRICS_TOKEN", TestSecrets.METRICS_TOKEN));

            await().atMost(Duration.ofSeconds(90)).until(() -> status(port, "/actuator/health/readiness") == 200);
            assertThat(web.log()).contains("Starting AOT-processed StoresApiApplication");
            assertThat(status(port, "/store")).isEqualTo(200);
            assertThat(status(port, "/actuator/prometheus")).as("prod metrics are not public").isEqualTo(401);
            assertThat(status(port, "/actuator/prometheus", "Bearer " + TestSecrets.METRICS_TOKEN))
                    .as("prod exposes prometheus to its scraper").isEqualTo(200);
            assertThat(status(port, "/actuator/prometheus", "Bearer another-token")).isEqualTo(401);
            assertThat(status(port, "/actuator/info")).as("admins only").isEqualTo(401);
            assertThat(status(port, "/actuator/env")).as("and nothing else of Actuator").isEqualTo(401);
            assertThat(status(port, "/v3/api-docs")).as("Swagger UI stays available").isEqualTo(200);
            HttpResponse<Void> behindProxy = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create("http://localhost:" + port + "/store?size=1"))
                    .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "stores.example.com")
                    .header("X-Forwarded-Port", "443").build(), HttpResponse.BodyHandlers.discarding());
            assertThat(behindProxy.headers().firstValue("Link").orElseThrow())
                    .as("links are relative: right behind Render's proxy, and no client-chosen host in them")
                    .startsWith("</store?page=0&size=1>");
            assertThat(migrations(database)).isGreaterThanOrEqualTo(3);
            assertThat(web.log()).as("prod logs are JSON lines").contains("{\"@timestamp\"");

            String username = "aot_" + UUID.randomUUID().toString().substring(0, 8);
            register(port, username);
            try (RedisClient redis = RedisClient.create(ownRedis.url()); var connection = redis.connect()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> connection.sync()
                        .xrange("emails", io.lettuce.core.Range.create("-", "+")).stream()
                        .anyMatch(message -> (username + "@example.com").equals(message.getBody().get("email"))));
            }

            web.process().destroy();

            assertThat(web.process().waitFor(30, TimeUnit.SECONDS)).as("stops within Render's window").isTrue();
            assertThat(web.process().exitValue()).isIn(0, 143);
            assertThat(web.log()).contains("Graceful shutdown complete");
        }
    }

    /**
     * The same Spring AOT bean definitions in the configuration farthest from Render's: no profile,
     * the embedded database, no Redis (emails in process) and SMTP. The registration email arrives.
     */
    @Test
    void webOnTheEmbeddedDefaultsWithSmtpStartsFromTheSameSpringAotBeanDefinitions() throws Exception {
        int port = FreePort.belowEphemeralRange();
        Path dataDir = Files.createTempDirectory(appHome, "data");
        Started web = start(List.of("web"), Map.of("PORT", Integer.toString(port), "DATA_DIR", dataDir.toString(),
                "MAIL_HOST", "127.0.0.1", "MAIL_PORT", Integer.toString(TestMail.port())));

        await().atMost(Duration.ofSeconds(90)).until(() -> status(port, "/actuator/health/readiness") == 200);
        assertThat(web.log()).contains("Starting AOT-processed StoresApiApplication")
                .contains("Emails are sent over SMTP (MAIL_HOST)");
        String username = "aot_smtp_" + UUID.randomUUID().toString().substring(0, 8);
        register(port, username);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestMail.messagesTo(username + "@example.com").size() == 1);
        web.process().destroy();
        assertThat(web.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void migrateMigratesAndExitsZero() throws Exception {
        String database = newDatabase();

        Started migrate = start(List.of("migrate"), Map.of("DATABASE_URL", postgresUrl(database),
                "SPRING_PROFILES_ACTIVE", "prod"));

        assertThat(migrate.process().waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(migrate.process().exitValue()).as(migrate.log()).isZero();
        assertThat(migrations(database)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void workerConsumesAQueuedEmailAndStopsOnSigterm() throws Exception {
        String database = newDatabase();
        // Migrated here rather than by a migrate process (migrateMigratesAndExitsZero starts that role).
        Flyway.configure().dataSource(TestPostgres.jdbcUrl(database), "postgres", "postgres").load().migrate();
        String address = "entrypoint-" + UUID.randomUUID() + "@example.com";
        // The job as the web service leaves it (a row in its database, a message in the stream), in a
        // Redis of its own: the test context's worker reads the shared one's stream.
        long job = OutboxRows.published(new JdbcTemplate(new DriverManagerDataSource(TestPostgres.jdbcUrl(database),
                "postgres", "postgres")), address, "entrypoint");
        PrivateRedis ownRedis = PrivateRedis.start();
        String redisUrl = ownRedis.url();
        try (RedisClient redis = RedisClient.create(redisUrl); var connection = redis.connect()) {
            connection.sync().xadd("emails", Map.of("outbox_id", Long.toString(job),
                    "user_id", "1", "email", address, "username", "entrypoint"));
        }

        Started worker = start(List.of("worker"), Map.of("DATABASE_URL", postgresUrl(database),
                "REDIS_URL", redisUrl, "MAIL_HOST", "127.0.0.1", "MAIL_PORT", Integer.toString(TestMail.port()),
                "SPRING_PROFILES_ACTIVE", "prod"));

        await().atMost(Duration.ofSeconds(90)).until(() -> TestMail.messagesTo(address).size() == 1);
        assertThat(worker.log()).doesNotContain("Tomcat started").doesNotContain("Migrating schema");
        worker.process().destroy();
        assertThat(worker.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.process().exitValue()).isIn(0, 143);
        ownRedis.stop();
    }

    @Test
    void prodWithoutJwtSecretFailsFastWithAReadableMessage() throws Exception {
        Started web = start(List.of("web"), Map.of("PORT", Integer.toString(FreePort.belowEphemeralRange()),
                "DATABASE_URL", postgresUrl(newDatabase()), "SPRING_PROFILES_ACTIVE", "prod"));

        assertThat(web.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(web.process().exitValue()).isNotZero();
        assertThat(web.log()).contains("JWT_SECRET_KEY is not set, and the prod profile requires it.")
                .contains("openssl rand -base64 32");
    }

    @Test
    void prodWithoutDatabaseUrlFailsFast() throws Exception {
        Started web = start(List.of("web"), Map.of("PORT", Integer.toString(FreePort.belowEphemeralRange()), "JWT_SECRET_KEY", JWT,
                "SPRING_PROFILES_ACTIVE", "prod"));

        assertThat(web.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(web.process().exitValue()).isNotZero();
        assertThat(web.log()).contains("DATABASE_URL is not set, and the prod profile requires it");
    }

    @Test
    void refusesAnUnknownMode() throws Exception {
        Started unknown = start(List.of("serve"), Map.of());

        assertThat(unknown.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(unknown.process().exitValue()).isEqualTo(64);
        assertThat(unknown.log()).contains("unknown mode 'serve' (expected web, worker or migrate)");
    }

    /**
     * The mode after the entrypoint's own name is the one read: an unknown one proves it without
     * starting a JVM (the roles themselves are started by the tests above).
     */
    @Test
    void acceptsItsOwnNameRepeatedAsARenderDockerCommandPassesIt() throws Exception {
        Started unknown = start(List.of("docker-entrypoint.sh", "serve"), Map.of());

        assertThat(unknown.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(unknown.process().exitValue()).isEqualTo(64);
        assertThat(unknown.log()).contains("unknown mode 'serve'").doesNotContain("'docker-entrypoint.sh'");
    }

    record Started(Process process, Path logFile) {
        String log() throws IOException {
            return Files.readString(logFile);
        }
    }

    private Started start(List<String> args, Map<String, String> env) throws IOException {
        // Where support/LogSecretsScan reads the logs of the run (the only prod-profile, JSON-logging ones).
        Path reports = Files.createDirectories(Path.of("target", "failsafe-reports"));
        Path log = Files.createTempFile(reports, "entrypoint-" + (args.isEmpty() ? "default" : args.getFirst()) + "-", "-output.txt");
        List<String> command = new java.util.ArrayList<>(List.of("sh", "docker-entrypoint.sh"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("DATABASE_")
                || key.startsWith("REDIS_") || key.startsWith("MAIL_") || key.startsWith("JWT_"));
        environment.putAll(new HashMap<>(Map.of("APP_HOME", appHome.toString(), "JAVA_HOME", JAVA_HOME.toString(),
                "JAVA_OPTS", "", "DATA_DIR", appHome.resolve("data").toString(),
                "CGROUP_ROOT", appHome.resolve("cgroup").toString())));
        environment.putAll(env);
        Process process = builder.start();
        started.add(process);
        return new Started(process, log);
    }

    private static String newDatabase() {
        return TestPostgres.newDatabase("entrypoint");
    }

    private static String postgresUrl(String database) {
        return "postgres://postgres:postgres@localhost:" + TestPostgres.server().getPort() + "/" + database;
    }

    private static int migrations(String database) throws Exception {
        String url = TestPostgres.jdbcUrl(database);
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             ResultSet rows = connection.createStatement()
                     .executeQuery("select count(*) from flyway_schema_history where success")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Signs up {@code username} (at example.com), expecting 201. */
    private static void register(int port, String username) throws IOException, InterruptedException {
        HttpResponse<String> registered = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://localhost:" + port + "/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"email\":\""
                        + username + "@example.com\",\"password\":\"aot-password-1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    }

    private static int status(int port, String path) {
        return status(port, path, null);
    }

    private static int status(int port, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException notYet) {
            return -1;
        }
    }

}
