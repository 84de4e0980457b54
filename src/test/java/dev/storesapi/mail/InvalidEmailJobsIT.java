package dev.storesapi.mail;

import dev.storesapi.support.IntegrationTest;
import dev.storesapi.support.OutboxRows;
import dev.storesapi.support.TestMail;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A job that can never become an email is set aside at once with its reason (docs/email.md), and the jobs behind it go on: an outbox row without a user id used to stop every sweep,
 * an unparseable stream message took the whole retry schedule to reach the dead letters.
 */
@IntegrationTest
class InvalidEmailJobsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    EmailProperties properties;

    @Test
    void anInvalidOutboxRowIsSetAsideAndTheSweepPublishesTheRowsBehindIt() {
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(5));
        long noUserId = insertRow("{\"email\":\"x@example.com\",\"username\":\"x\"}", longAgo);
        long notJson = insertRow("not json", longAgo.plusMillis(1));
        String username = "behind_" + UUID.randomUUID().toString().substring(0, 8);
        long valid = insertRow(OutboxRows.payload(username + "@example.com", username), longAgo.plusMillis(2));

        await().atMost(WAIT).until(() -> !TestMail.messagesTo(username + "@example.com").isEmpty());

        assertThat(jdbc.queryForObject("select published_at is not null from email_outbox where id = ?",
                Boolean.class, valid)).isTrue();
        assertThat(jdbc.queryForMap("select dead_at, last_error, published_at from email_outbox where id = ?", noUserId))
                .satisfies(row -> {
                    assertThat(row.get("dead_at")).isNotNull();
                    assertThat(row.get("published_at")).isNull();
                    assertThat((String) row.get("last_error")).contains("user_id");
                });
        assertThat((String) jdbc.queryForObject("select last_error from email_outbox where id = ?", String.class, notJson))
                .isEqualTo("payload is not a JSON object");
    }

    @Test
    void aJobPublishedInProcessBeforeRedisWasSetIsPublishedToTheStreamWhenDue() {
        String username = "inproc_" + UUID.randomUUID().toString().substring(0, 8);
        long job = OutboxRows.published(jdbc, username + "@example.com", username);
        // The in-process queue's reference, not a stream id: it used to stop every sweep behind it.
        jdbc.update("update email_outbox set queue_ref = 'in-process', due_at = now() - interval '1 minute' where id = ?",
                job);

        await().atMost(WAIT).until(() -> !TestMail.messagesTo(username + "@example.com").isEmpty());
        assertThat(jdbc.queryForObject("select queue_ref from email_outbox where id = ?", String.class, job))
                .matches("\\d+-\\d+");
    }

    @Test
    void anUnparseableStreamMessageGoesToTheDeadLettersAtOnceWithItsReason() {
        String marker = "poison_" + UUID.randomUUID().toString().substring(0, 8);
        redis.opsForStream().add(MapRecord.create(properties.stream(),
                Map.of("outbox_id", "not-a-number", "email", marker + "@example.com", "username", marker)));

        // Well inside the first retry delay: no retries for a message that can never be read.
        await().atMost(properties.retryDelay()).until(() -> deadLetterOf(marker) != null);

        assertThat((String) deadLetterOf(marker).getValue().get("error")).contains("outbox_id is not a number");
    }

    private MapRecord<String, Object, Object> deadLetterOf(String marker) {
        return redis.opsForStream().range(properties.deadLetterStream(), Range.unbounded()).stream()
                .filter(message -> marker.equals(message.getValue().get("username")))
                .findFirst().orElse(null);
    }

    private long insertRow(String payload, Instant createdAt) {
        return OutboxRows.unpublished(jdbc, payload, createdAt);
    }
}
