package dev.storesapi.mail;

import dev.storesapi.support.Accounts;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.IntegrationTest;
import dev.storesapi.support.OutboxRows;
import dev.storesapi.support.TestMail;
import dev.storesapi.support.TestRedis;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/email.md against real servers: PostgreSQL (outbox), Redis (stream), GreenMail (SMTP).
 * Tests that stop Redis or the mail server start them again before they end.
 */
@IntegrationTest
class RegistrationEmailIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EmailProperties properties;

    @Test
    void registrationSendsExactlyOneMultipartEmail() throws Exception {
        String username = newUsername();

        register(username);

        MimeMessage email = awaitOneEmail(username + "@example.com");
        assertThat(email.getSubject()).isEqualTo("Successfully signed up");
        assertThat(email.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) email.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain");
        assertThat(html.getContentType()).startsWith("text/html");
        assertThat((String) text.getContent()).contains("Welcome, " + username + "!");
        assertThat((String) html.getContent()).contains(">" + username + "<").contains("swagger-ui.html");
        // The database is the record of delivery: one job, sent once, in one attempt.
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from email_outbox where payload like ? "
                + "and sent_at is not null and send_attempts = 1 and due_at is null", Integer.class,
                "%\"" + username + "\"%") == 1);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void whileRedisIsDownTheWorkerBacksOffAndLogsTheOutageOnceNotPerRead(CapturedOutput output) throws Exception {
        int before = output.getOut().length();
        TestRedis.stop();
        try {
            // Reads fail for 2 s, at least one every 500 ms (the cap of the wait between them in
            // the tests, support/PostgresInitializer): a line per failed read would show.
            Thread.sleep(2000);
        } finally {
            TestRedis.start();
        }
        String during = output.getOut().substring(before);

        // At most one line as the outage starts, from the listener and from the pending-list check
        // (none when an earlier test's outage ended moments ago: that counts as the same outage;
        // StreamOutageTest checks the wording and the once-a-minute lines); it used to be one per
        // failed read, thousands a second.
        assertThat(during.lines().filter(line -> line.contains("Email stream")).count()).isLessThanOrEqualTo(2);

        String username = newUsername();
        register(username);
        awaitOneEmail(username + "@example.com");
    }

    @Test
    void registrationSucceedsWhileRedisIsDownAndTheEmailArrivesOnceItIsBack() throws Exception {
        String username = newUsername();
        TestRedis.stop();
        try {
            assertThat(register(username).status()).isEqualTo(201);
            // Stays in the outbox, through the after-commit attempt and the sweeps, while Redis is down.
            await().during(properties.sweepAfter().plusMillis(500)).atMost(WAIT)
                    .until(() -> unpublished(username) == 1);
        } finally {
            TestRedis.start();
        }

        awaitOneEmail(username + "@example.com");
        assertThat(unpublished(username)).isZero();
    }

    @Test
    void retriesWhileTheMailServerRefusesAndDeliversOnceItAccepts() throws Exception {
        String username = newUsername();
        double retriedBefore = counter("stores.emails.retried");
        TestMail.stop();
        try {
            register(username);
            await().atMost(WAIT).until(() -> counter("stores.emails.retried") > retriedBefore);
        } finally {
            TestMail.start();
        }

        awaitOneEmail(username + "@example.com");
    }

    @Test
    void deadLettersAJobAfterTheLastAttempt() throws Exception {
        String username = newUsername();
        double deadBefore = counter("stores.emails.dead_lettered");
        TestMail.stop();
        try {
            register(username);
            await().atMost(WAIT).until(() -> counter("stores.emails.dead_lettered") > deadBefore);
        } finally {
            TestMail.start();
        }

        assertThat(redis.opsForStream().range(properties.deadLetterStream(), org.springframework.data.domain.Range.unbounded())
                .stream().map(record -> record.getValue().get("username"))).contains(username);
        assertThat(jdbc.queryForMap("select dead_at, last_error, send_attempts, due_at from email_outbox where payload like ?",
                "%\"" + username + "\"%")).satisfies(row -> {
                    assertThat(row.get("dead_at")).isNotNull();
                    assertThat((String) row.get("last_error")).startsWith("not sent after 3 attempts");
                    assertThat(row.get("send_attempts")).isEqualTo(3);
                    assertThat(row.get("due_at")).as("the sweep leaves it alone").isNull();
                });
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> TestMail.messagesTo(username + "@example.com").isEmpty());
    }

    @Test
    void aMessageLeftPendingByACrashedWorkerIsClaimedAndDeliveredOnce() throws Exception {
        String address = "crash-" + UUID.randomUUID() + "@example.com";
        // Published an hour ago as far as the database knows, and due much later: only the stream brings it.
        long outboxId = OutboxRows.published(jdbc, address, "crashed_job");
        Map<String, String> job = Map.of("outbox_id", Long.toString(outboxId),
                "user_id", "1", "email", address, "username", "crashed_job");

        // Added and read by a worker that then "crashes": delivered to it, never acknowledged.
        redis.execute(new SessionCallback<Object>() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Object execute(RedisOperations operations) {
                operations.multi();
                operations.opsForStream().add(MapRecord.create(properties.stream(), job));
                operations.opsForStream().read(Consumer.from(properties.consumerGroup(), "crashed-worker"),
                        StreamOffset.create(properties.stream(), ReadOffset.lastConsumed()));
                return operations.exec();
            }
        });

        awaitOneEmail(address);
    }

    private ApiResponse register(String username) {
        String password = "pw-" + UUID.randomUUID();
        dev.storesapi.support.ApiClient.neverShow(password);
        return accounts.anonymous().post("/register",
                Map.of("username", username, "email", username + "@example.com", "password", password));
    }

    private int unpublished(String username) {
        return jdbc.queryForObject("select count(*) from email_outbox where payload like ? and published_at is null",
                Integer.class, "%\"" + username + "\"%");
    }

    private double counter(String name) {
        return meters.counter(name).count();
    }

    /** Waits for the email, then makes sure no second one follows. */
    static MimeMessage awaitOneEmail(String address) {
        await().atMost(WAIT).until(() -> !TestMail.messagesTo(address).isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> TestMail.messagesTo(address).size() == 1);
        return TestMail.messagesTo(address).getFirst();
    }

    private static String newUsername() {
        return "mail_" + UUID.randomUUID().toString().substring(0, 12);
    }
}
