package dev.storesapi.mail;

import dev.storesapi.support.IntegrationTest;
import dev.storesapi.support.OutboxRows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The send of a job is claimed in PostgreSQL before it is sent, so that two workers, or a copy of
 * the message racing a slow send, never both send it; a claim runs out, so a crashed send is tried again.
 */
@IntegrationTest
class SendClaimIT {

    @Autowired
    DeliveryRecord record;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    EmailProperties properties;

    @Test
    void ofSixteenWorkersClaimingOneJobAtOnceExactlyOneMaySendIt() throws Exception {
        long job = publishedJob("claim_race");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<OptionalInt>> claims = new ArrayList<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 16; i++) {
                claims.add(workers.submit(() -> {
                    go.await();
                    return record.claim(job, Duration.ofMinutes(1));
                }));
            }
            go.countDown();
            int won = 0;
            for (Future<OptionalInt> claim : claims) {
                won += claim.get().isPresent() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        }
        assertThat(record.isSettled(job)).as("claimed, not sent: a copy of its message stays pending").isFalse();
    }

    @Test
    void aClaimRunsOutSoASendCutShortIsTriedAgainAsTheNextAttempt() throws InterruptedException {
        long job = publishedJob("claim_lease");

        assertThat(record.claim(job, Duration.ofMillis(300))).hasValue(1);
        assertThat(record.claim(job, Duration.ofMillis(300))).isEmpty();
        Thread.sleep(400);

        assertThat(record.claim(job, Duration.ofMinutes(1))).hasValue(2);
    }

    @Test
    void aLateAnswerOfAnEarlierAttemptNeitherFreesNorKillsTheJobALaterAttemptHolds() throws InterruptedException {
        long job = publishedJob("claim_late");
        record.claim(job, Duration.ofMillis(200));
        Thread.sleep(300);
        assertThat(record.claim(job, Duration.ofMinutes(1))).hasValue(2);

        record.failed(job, 1, "timed out", Duration.ofMinutes(5));
        record.dead(job, 1, "refused for good: 550");

        assertThat(record.claim(job, Duration.ofMinutes(1))).as("attempt 2 still holds it").isEmpty();
        assertThat(jdbc.queryForObject("select dead_at is null from email_outbox where id = ?", Boolean.class, job))
                .isTrue();
        record.sent(job);
        assertThat(record.isSettled(job)).isTrue();
    }

    @Test
    void aSentJobIsSettledAndNeverClaimedAgain() {
        long job = publishedJob("claim_sent");
        record.claim(job, Duration.ofMinutes(1));

        record.sent(job);

        assertThat(record.claim(job, Duration.ofMinutes(1))).isEmpty();
        assertThat(record.isSettled(job)).isTrue();
        assertThat(jdbc.queryForMap("select sent_at, claimed_until, due_at from email_outbox where id = ?", job))
                .satisfies(row -> {
                    assertThat(row.get("sent_at")).isNotNull();
                    assertThat(row.get("claimed_until")).isNull();
                    assertThat(row.get("due_at")).isNull();
                });
    }

    @Test
    void twoCopiesOfAMessageInTheStreamAtOnceGiveOneEmail() {
        String username = "twice_" + UUID.randomUUID().toString().substring(0, 8);
        long job = publishedJob(username);
        Map<String, String> fields = Map.of("outbox_id", Long.toString(job),
                "user_id", "1", "email", username + "@example.com", "username", username);

        // As after a republish while the first copy was still on its way: the worker reads both in one batch.
        redis.opsForStream().add(MapRecord.create(properties.stream(), fields));
        redis.opsForStream().add(MapRecord.create(properties.stream(), fields));

        RegistrationEmailIT.awaitOneEmail(username + "@example.com");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select sent_at is not null and send_attempts = 1 from email_outbox where id = ?", Boolean.class, job));
    }

    private long publishedJob(String username) {
        return OutboxRows.published(jdbc, username + "@example.com", username);
    }
}
