package dev.storesapi.mail;

import dev.storesapi.support.Accounts;
import dev.storesapi.support.IntegrationTest;
import dev.storesapi.support.SecondInstance;
import dev.storesapi.support.TestMail;
import dev.storesapi.support.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A second process in the worker role (APP_ROLE=worker, configured only through the environment
 * variables a deployment sets) consumes the same stream as this web instance: every email is
 * delivered exactly once.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoWorkersIT {

    private ConfigurableApplicationContext worker;

    @Autowired
    Accounts accounts;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    EmailProperties properties;

    /** After this class's web context, which migrated the database: the worker role never migrates. */
    @BeforeAll
    void startWorker() {
        List<String> settings = new ArrayList<>(SecondInstance.testMail());
        settings.add(SecondInstance.redis(TestRedis.url()));
        worker = SecondInstance.startWorker(settings);
    }

    @AfterAll
    void stopWorker() {
        worker.close();
    }

    @Test
    void workerRoleRunsWithoutWebServerAndWithoutMigrations() {
        assertThat(worker).isNotInstanceOf(WebServerApplicationContext.class);
        assertThat(worker.getBeansOfType(Flyway.class)).isEmpty();
        assertThat(worker.getBean(RedisStreamWorker.class).isRunning()).isTrue();
        Health health = ((HealthIndicator) worker.getBean(HealthContributorRegistry.class).getContributor("emailQueue"))
                .health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("stream", "emails").containsKey("pending");
    }

    @Test
    void fiftyRegistrationsGiveFiftyEmailsEachDeliveredOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> addresses = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String username = "w" + run + "_" + i;
                addresses.add(username + "@example.com");
                statuses.add(clients.submit(() -> accounts.anonymous().post("/register", Map.of("username", username,
                        "email", username + "@example.com", "password", "long enough pw")).status()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(201);
            }
        }

        // GreenMail's thread throws when a sender gives up in the middle of a message (its write
        // timeout on a loaded machine); that send is retried, and what counts is what arrives.
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30)).until(() ->
                addresses.stream().allMatch(address -> !TestMail.messagesTo(address).isEmpty()));
        await().dontCatchUncaughtExceptions().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                addresses.stream().allMatch(address -> TestMail.messagesTo(address).size() == 1));
        assertThat(redis.opsForStream().consumers(properties.stream(), properties.consumerGroup()))
                .as("both processes are consumers of the group").hasSizeGreaterThanOrEqualTo(2);
    }
}
