package dev.storesapi.mail;

import dev.storesapi.support.Accounts;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.IntegrationTest;
import dev.storesapi.support.OutboxRows;
import dev.storesapi.support.TestMail;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static dev.storesapi.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** GET /admin/emails/dead and POST /admin/emails/{email_id}/resend (docs/email.md). */
@IntegrationTest
class DeadEmailsIT {

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminSeesADeadJobWithItsReasonAndSendsItAgainOnce() {
        String username = newUsername();
        long job = deadJob(OutboxRows.payload(username + "@example.com", username));
        ApiClient admin = accounts.admin();

        ApiResponse dead = admin.get("/admin/emails/dead?size=1000");
        assertThat(dead.status()).isEqualTo(200);
        assertThat(dead.header("X-Total-Count")).isNotNull();
        JsonNode listed = dead.json().valueStream().filter(entry -> entry.get("id").asLong() == job).findFirst()
                .orElseThrow();
        assertThat(listed.get("type").asString()).isEqualTo("registration");
        assertThat(listed.get("send_attempts").asInt()).isEqualTo(3);
        assertThat(listed.get("last_error").asString()).isEqualTo("refused for good: 550 mailbox unavailable");
        assertThat(listed.get("payload").asString()).contains(username);
        assertThat(listed.get("dead_at").isNull()).isFalse();

        ApiResponse resent = admin.post("/admin/emails/" + job + "/resend");

        assertThat(resent.status()).as(resent.body()).isEqualTo(202);
        assertThat(resent.json().get("message").asString()).isEqualTo("Email queued to be sent again.");
        RegistrationEmailIT.awaitOneEmail(username + "@example.com");
        // The worker records the send after the SMTP server has taken the message, so the row can lag the inbox.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                jdbc.queryForMap("select dead_at, sent_at, send_attempts from email_outbox where id = ?", job))
                .satisfies(row -> {
                    assertThat(row.get("dead_at")).isNull();
                    assertThat(row.get("sent_at")).isNotNull();
                    assertThat(row.get("send_attempts")).isEqualTo(1);
                }));
        assertProblem(admin.post("/admin/emails/" + job + "/resend"), 409, "conflict", "This email was sent already.");
        assertThat(admin.get("/admin/emails/dead?size=1000").json().valueStream()
                .noneMatch(entry -> entry.get("id").asLong() == job)).isTrue();
    }

    @Test
    void onlyADeadJobThatCanBeSentIsSentAgain() {
        ApiClient admin = accounts.admin();
        String username = newUsername();
        long onItsWay = OutboxRows.published(jdbc, username + "@example.com", username);
        long unsendable = deadJob("{\"email\": \"x@example.com\"}");

        assertProblem(admin.post("/admin/emails/" + onItsWay + "/resend"), 409, "conflict",
                "This email job is still being delivered; only a dead one can be sent again.");
        assertProblem(admin.post("/admin/emails/" + unsendable + "/resend"), 409, "conflict",
                "This email job can never be sent: payload needs a numeric user_id and string email and username");
        assertProblem(admin.post("/admin/emails/" + deadJob("[1, 2]") + "/resend"), 409, "conflict",
                "This email job can never be sent: payload is not a JSON object");
        assertProblem(admin.post("/admin/emails/987654321/resend"), 404, "not_found", "Email job not found.");
        assertThat(TestMail.messagesTo(username + "@example.com")).isEmpty();
    }

    @Test
    void badIdsAndPagesAreRefused() {
        ApiClient admin = accounts.admin();

        assertProblem(admin.post("/admin/emails/abc/resend"), 400, "malformed_request");
        assertProblem(admin.post("/admin/emails/0/resend"), 400, "malformed_request");
        assertProblem(admin.post("/admin/emails/%2B1/resend"), 400, "malformed_request");
        assertProblem(admin.get("/admin/emails/dead?size=0"), 400, "malformed_request");
        assertProblem(admin.get("/admin/emails/dead?page=-1"), 400, "malformed_request");
    }

    @Test
    void onlyAdminsMayListOrResend() {
        long job = deadJob(OutboxRows.payload("nobody@example.com", "nobody"));
        ApiClient user = accounts.user();
        ApiClient anonymous = accounts.anonymous();

        assertProblem(user.get("/admin/emails/dead"), 403, "admin_required");
        assertProblem(user.post("/admin/emails/" + job + "/resend"), 403, "admin_required");
        assertProblem(anonymous.get("/admin/emails/dead"), 401, "authorization_required");
        assertProblem(anonymous.post("/admin/emails/" + job + "/resend"), 401, "authorization_required");
        assertThat(jdbc.queryForObject("select dead_at is not null from email_outbox where id = ?", Boolean.class, job))
                .isTrue();
    }

    private long deadJob(String payload) {
        return jdbc.queryForObject("insert into email_outbox (job_type, payload, created_at, published_at, "
                + "send_attempts, dead_at, last_error, due_at) values ('registration', ?, now(), now(), 3, now(), "
                + "'refused for good: 550 mailbox unavailable', null) returning id", Long.class, payload);
    }

    private static String newUsername() {
        return "dead_" + UUID.randomUUID().toString().substring(0, 8);
    }
}
