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

    /**
     * Short, so that jobs Redis lost are published again soon after it is back; copies published
     * meanwhile are read too, and must not be sent twice either.
     */
    private static final Duration REDELIVER_AFTER = Duration.ofSeconds(3);
    private static final Duration WAIT = Duration.ofSeconds(60);
    /**
     * The worker's outage settings, shortened from their defaults (10 s, 1 m) so that an outage of
     * seconds proves what the minute-long one this test used to wait through did. As then, the
     * outage lasts about one log interval: at most one line follows the first. A read fails about
     * every 2.5 s here (the Redis command timeout, 2 s, plus the capped wait): in 10 s a line per
     * failed read would be four or so per outage, twice what the 8 s interval allows, so the count
     * of lines tells the two apart. The short cap of the wait has reading resume soon after Redis is
     * back.
     */
    private static final Duration OUTAGE_MAX_WAIT = Duration.ofMillis(500);
    private static final Duration OUTAGE_LOG_INTERVAL = Duration.ofSeconds(8);
    private static final Duration OUTAGE = Duration.ofSeconds(10);
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
    void jobsInFlightWhenRedisIsDownAndRestartsEmptyAreSentOnceWithoutFloodingTheLog(
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
                sleep(OUTAGE);
                Duration cpu = Duration.ofNanos(processCpu().toNanos() - cpuBefore);
                String duringOutage = output.getOut().substring(logBefore);
                redis.restart();

                // The worker used to retry its reads at once: a full core and ~10,000 lines a second.
                // Half a core over the outage leaves room for the web service's sweeps and the JIT.
                assertThat(cpu).as("CPU of the whole test JVM in the %s Redis was down", OUTAGE)
                        .isLessThan(OUTAGE.dividedBy(2));
                // For reads and for the pending list, each: one line at the start, then at most one
                // per log interval (so 2 in all); a line per failed read would be 4 or so each.
                long perOutage = 1 + OUTAGE.dividedBy(OUTAGE_LOG_INTERVAL);
                assertThat(duringOutage.lines().filter(line -> line.contains("Email stream")).count())
                        .as("the worker's outage lines: at the start and once per log interval, for reads and "
                                + "the pending list")
                        .isLessThanOrEqualTo(2 * perOutage);
                // What else logs in the outage (the web service's sweep and rate limits, Lettuce)
                // logs once per outage too: about 15 lines in all, against thousands for a spinning
                // reader. (The minute-long outage allowed 200; most of these lines do not grow with
                // the outage's length, so the bound is not cut to a tenth.)
                assertThat(duringOutage.lines().count()).as("all log lines in the %s", OUTAGE).isLessThan(60);
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
        return SecondInstance.startWorker(settings(
                "--stores.email.stream-outage-max-wait=" + OUTAGE_MAX_WAIT.toMillis() + "ms",
                "--stores.email.stream-outage-log-interval=" + OUTAGE_LOG_INTERVAL.toMillis() + "ms"));
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
