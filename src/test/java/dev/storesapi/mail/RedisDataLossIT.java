package dev.storesapi.mail;

import com.sun.management.OperatingSystemMXBean;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.PrivateRedis;
import dev.storesapi.support.SecondInstance;
import dev.storesapi.support.TestMail;
import dev.storesapi.support.TestPostgres;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis losing its contents with email jobs in it (flushed, or restarted without persistence, as
 * Render's free Key Value does): PostgreSQL is the record of delivery, so the sweep publishes the
 * unsent jobs again and every email is sent exactly once. A database and a Redis of its own, so
 * that no other test's instance sweeps or sends these jobs.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisDataLossIT {

    private static final Duration REDELIVER_AFTER = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static String database;
    private static PrivateRedis redis;
    /** The web service only: publishes, sweeps, does not send. */
    private static ConfigurableApplicationContext web;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startRedisAndTheWebService() {
        database = TestPostgres.newDatabase("redis_loss");
        redis = PrivateRedis.start();
        web = SecondInstance.start(settings("--EMAIL_WORKER_ENABLED=false"));
        jdbc = new JdbcTemplate(new DriverManagerDataSource(TestPostgres.jdbcUrl(database), "postgres", "postgres"));
    }

    @AfterAll
    static void stopAll() {
        web.close();
        redis.stop();
    }

    @Test
    void theWebServiceAloneNeitherConsumesTheStreamNorReportsItsHealth() {
        assertThat(web.getBean(RedisStreamWorker.class).isRunning()).isFalse();
        assertThat(web.getBean(HealthContributorRegistry.class).getContributor("emailQueue")).isNull();
    }

    @Test
    void jobsPublishedWhileNoWorkerRanAreSentOnceAfterRedisIsFlushed() {
        List<String> usernames = register("flush", 10);
        await().atMost(WAIT).until(() -> count("published_at is not null", usernames) == usernames.size());

        web.getBean(StringRedisTemplate.class).execute(connection -> {
            connection.serverCommands().flushAll();
            return null;
        }, true);

        try (ConfigurableApplicationContext worker = startWorker()) {
            assertEachSentOnce(usernames);
        }
        assertThat(count("sent_at is not null and send_attempts = 1 and due_at is null", usernames))
                .isEqualTo(usernames.size());
    }

    @Test
    void jobsInFlightWhenRedisIsDownForAMinuteAndRestartsEmptyAreSentOnceWithoutFloodingTheLog(
            CapturedOutput output) {
        try (ConfigurableApplicationContext worker = startWorker()) {
            List<String> usernames;
            TestMail.stop();
            try {
                usernames = register("restart", 5);
                // Each tried and failed once: pending in the stream, waiting for their retry.
                await().atMost(WAIT).until(() -> count("send_attempts >= 1", usernames) == usernames.size());
                int logBefore = output.getOut().length();
                long cpuBefore = processCpu().toNanos();
                redis.stop();
                sleep(Duration.ofSeconds(60));
                Duration cpu = Duration.ofNanos(processCpu().toNanos() - cpuBefore);
                String duringOutage = output.getOut().substring(logBefore);
                redis.restart();

                // The worker used to retry its reads at once: a full core and ~10,000 lines a second.
                assertThat(cpu).as("CPU of the whole test JVM in the minute Redis was down")
                        .isLessThan(Duration.ofSeconds(20));
                assertThat(duringOutage.lines().filter(line -> line.contains("Email stream")).count())
                        .as("the worker's outage lines: at the start and once a minute, for reads and the pending list")
                        .isLessThanOrEqualTo(4);
                assertThat(duringOutage.lines().count()).as("all log lines in that minute").isLessThan(200);
            } finally {
                TestMail.start();
            }
            assertEachSentOnce(usernames);
        }
    }

    private static void assertEachSentOnce(List<String> usernames) {
        await().atMost(WAIT).until(() -> usernames.stream()
                .allMatch(username -> !TestMail.messagesTo(username + "@example.com").isEmpty()));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> usernames.stream()
                .allMatch(username -> TestMail.messagesTo(username + "@example.com").size() == 1));
    }

    private static List<String> register(String prefix, int howMany) {
        ApiClient client = new ApiClient(web.getEnvironment());
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < howMany; i++) {
            String username = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(client.post("/register", Map.of("username", username, "email", username + "@example.com",
                    "password", "long enough password")).status()).isEqualTo(201);
            usernames.add(username);
        }
        return usernames;
    }

    private static int count(String condition, List<String> usernames) {
        return usernames.stream().mapToInt(username -> jdbc.queryForObject(
                "select count(*) from email_outbox where payload like ? and " + condition, Integer.class,
                "%\"" + username + "\"%")).sum();
    }

    private static ConfigurableApplicationContext startWorker() {
        return SecondInstance.startWorker(settings());
    }

    /** What the web service and the worker share, and these. */
    private static List<String> settings(String... more) {
        List<String> settings = new ArrayList<>(List.of(SecondInstance.database(database),
                SecondInstance.redis(redis.url())));
        settings.addAll(SecondInstance.testMail());
        settings.addAll(List.of(
                "--spring.mail.properties.mail.smtp.connectiontimeout=500",
                "--spring.mail.properties.mail.smtp.timeout=500",
                "--spring.mail.properties.mail.smtp.writetimeout=500",
                "--EMAIL_RETRY_DELAY=2s",
                "--EMAIL_MAX_ATTEMPTS=10",
                "--EMAIL_REDELIVER_AFTER=" + REDELIVER_AFTER.toSeconds() + "s",
                "--EMAIL_SWEEP_INTERVAL=2s",
                "--EMAIL_SWEEP_AFTER=2s",
                "--RATE_LIMIT_REGISTER_PER_IP=1000/1m"));
        settings.addAll(List.of(more));
        return settings;
    }

    private static Duration processCpu() {
        return Duration.ofNanos(((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
