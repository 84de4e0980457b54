package dev.storesapi.mail;

import dev.storesapi.support.HeldTransaction;
import dev.storesapi.support.LockProbe;
import dev.storesapi.support.RepositorySlice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's queries (docs/email.md): what the sweep takes, and the conditional updates that
 * let one worker at a time send a job and keep a late answer of an earlier attempt from undoing a
 * later one. Times are fixed instants long past, so that no row of anything else is ever due.
 */
@RepositorySlice
class OutboxRepositoryTest {

    private static final Instant NOW = Instant.parse("2001-02-03T04:05:06Z");

    @Autowired
    OutboxRepository outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource database;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void lockDueTakesOnlyDueRowsNeitherSentNorDeadNorHeldByALiveClaimInDueOrder() {
        long dueLast = job(NOW.minusSeconds(10));
        long dueFirst = job(NOW.minusSeconds(30));
        long claimRanOut = job(NOW.minusSeconds(20));
        set(claimRanOut, "claimed_until", NOW.minusSeconds(1));
        long notYetDue = job(NOW.plusSeconds(1));
        long dueNow = job(NOW);
        long neverDue = job(null);
        long sent = job(NOW.minusSeconds(40));
        set(sent, "sent_at", NOW.minusSeconds(5));
        long dead = job(NOW.minusSeconds(40));
        set(dead, "dead_at", NOW.minusSeconds(5));
        long claimed = job(NOW.minusSeconds(40));
        set(claimed, "claimed_until", NOW.plusSeconds(1));

        List<OutboxEvent> taken = outbox.lockDue(NOW, PageRequest.of(0, 100));

        assertThat(taken).extracting(OutboxEvent::getId).containsExactly(dueFirst, claimRanOut, dueLast)
                .doesNotContain(notYetDue, dueNow, neverDue, sent, dead, claimed);
    }

    @Test
    void lockDueTakesAtMostOnePageTheEarliestDueFirst() {
        long second = job(NOW.minusSeconds(20));
        job(NOW.minusSeconds(10));
        long first = job(NOW.minusSeconds(30));

        assertThat(outbox.lockDue(NOW, PageRequest.of(0, 2))).extracting(OutboxEvent::getId)
                .containsExactly(first, second);
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // committed rows, which another transaction can lock
    void lockDueSkipsRowsAnotherTransactionHoldsAndLocksTheRowsItTakes() {
        long held = committedJob(NOW.minusSeconds(30));
        long free = committedJob(NOW.minusSeconds(20));
        try (HeldTransaction other = HeldTransaction.begin(database)) {
            other.update("update email_outbox set due_at = due_at where id = ?", held);

            new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                // Were the held row waited for instead of skipped, this fails instead of hanging.
                jdbc.execute("set local lock_timeout = '5s'");

                assertThat(outbox.lockDue(NOW, PageRequest.of(0, 100))).extracting(OutboxEvent::getId)
                        .containsExactly(free);
                assertThat(LockProbe.wouldWait(database, "select id from email_outbox where id = ? for update", free))
                        .isTrue();
            });
        } finally {
            jdbc.update("delete from email_outbox where id in (?, ?)", held, free);
        }
    }

    @Test
    void aJobIsClaimedByOneWorkerAtATimeUntilTheClaimRunsOutAndEachClaimCountsAnAttempt() {
        long job = job(NOW.minusSeconds(60));

        assertThat(outbox.claim(job, NOW, NOW.plusSeconds(60))).isEqualTo(1);
        assertThat(row(job).claimedUntil()).isEqualTo(NOW.plusSeconds(60));
        assertThat(outbox.claim(job, NOW.plusSeconds(59), NOW.plusSeconds(119))).as("claim still live").isZero();
        assertThat(row(job).sendAttempts()).isEqualTo(1);

        assertThat(outbox.claim(job, NOW.plusSeconds(61), NOW.plusSeconds(121))).as("claim ran out").isEqualTo(1);

        assertThat(row(job).sendAttempts()).isEqualTo(2);
        assertThat(row(job).claimedUntil()).isEqualTo(NOW.plusSeconds(121));
    }

    @Test
    void aSentADeadOrAnUnknownJobIsNeverClaimed() {
        long sent = job(NOW.minusSeconds(60));
        set(sent, "sent_at", NOW.minusSeconds(30));
        long dead = job(NOW.minusSeconds(60));
        set(dead, "dead_at", NOW.minusSeconds(30));

        assertThat(outbox.claim(sent, NOW, NOW.plusSeconds(60))).isZero();
        assertThat(outbox.claim(dead, NOW, NOW.plusSeconds(60))).isZero();
        assertThat(outbox.claim(Long.MAX_VALUE, NOW, NOW.plusSeconds(60))).isZero();
        assertThat(row(sent).sendAttempts()).isZero();
        assertThat(row(dead).sendAttempts()).isZero();
    }

    @Test
    void markPublishedKeepsTheFirstPublishAndMovesTheNextLook() {
        long job = job(NOW.minusSeconds(60));

        assertThat(outbox.markPublished(job, NOW, "1-0", NOW.plus(Duration.ofMinutes(5)))).isEqualTo(1);
        assertThat(outbox.markPublished(job, NOW.plusSeconds(300), "2-0", NOW.plus(Duration.ofMinutes(15))))
                .isEqualTo(1);

        Row row = row(job);
        assertThat(row.publishedAt()).as("the first publish").isEqualTo(NOW);
        assertThat(row.queueRef()).isEqualTo("2-0");
        assertThat(row.dueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void markPublishedLeavesASentOrDeadJobAlone() {
        long sent = job(null);
        set(sent, "sent_at", NOW.minusSeconds(1));
        long dead = job(null);
        set(dead, "dead_at", NOW.minusSeconds(1));

        assertThat(outbox.markPublished(sent, NOW, "1-0", NOW.plusSeconds(300))).isZero();
        assertThat(outbox.markPublished(dead, NOW, "1-0", NOW.plusSeconds(300))).isZero();

        assertThat(row(sent)).extracting(Row::publishedAt, Row::queueRef, Row::dueAt).containsOnlyNulls();
        assertThat(row(dead)).extracting(Row::publishedAt, Row::queueRef, Row::dueAt).containsOnlyNulls();
    }

    @Test
    void aFailedAttemptGivesUpItsClaimRecordsWhyAndIsDueAgain() {
        long job = job(NOW.minusSeconds(60));
        outbox.claim(job, NOW, NOW.plusSeconds(60));

        assertThat(outbox.markFailed(job, 1, "timed out", NOW.plusSeconds(300))).isEqualTo(1);

        Row row = row(job);
        assertThat(row.claimedUntil()).isNull();
        assertThat(row.lastError()).isEqualTo("timed out");
        assertThat(row.dueAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(row.deadAt()).isNull();
    }

    @Test
    void aLateAnswerOfAnEarlierAttemptNeitherFreesNorKillsTheJobALaterAttemptHolds() {
        long job = job(NOW.minusSeconds(60));
        outbox.claim(job, NOW, NOW.plusSeconds(1));
        outbox.claim(job, NOW.plusSeconds(2), NOW.plusSeconds(60));

        assertThat(outbox.markFailed(job, 1, "timed out", NOW.plusSeconds(300))).isZero();
        assertThat(outbox.markDead(job, 1, NOW.plusSeconds(3), "refused for good: 550")).isZero();

        Row row = row(job);
        assertThat(row.sendAttempts()).isEqualTo(2);
        assertThat(row.claimedUntil()).as("attempt 2 still holds it").isEqualTo(NOW.plusSeconds(60));
        assertThat(row.deadAt()).isNull();
        assertThat(row.lastError()).isNull();
        assertThat(outbox.claim(job, NOW.plusSeconds(4), NOW.plusSeconds(64))).isZero();
    }

    @Test
    void aJobGivenUpIsDeadWithItsReasonAndNoLongerDue() {
        long job = job(NOW.minusSeconds(60));
        outbox.claim(job, NOW, NOW.plusSeconds(60));

        assertThat(outbox.markDead(job, 1, NOW.plusSeconds(1), "refused for good: 550")).isEqualTo(1);

        Row row = row(job);
        assertThat(row.deadAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(row.lastError()).isEqualTo("refused for good: 550");
        assertThat(row.claimedUntil()).isNull();
        assertThat(row.dueAt()).isNull();
    }

    @Test
    void aSentJobIsNeitherFailedNorKilledByALateAnswer() {
        long job = job(NOW.minusSeconds(60));
        outbox.claim(job, NOW, NOW.plusSeconds(60));
        outbox.markSent(job, NOW.plusSeconds(1));

        assertThat(outbox.markFailed(job, 1, "timed out", NOW.plusSeconds(300))).isZero();
        assertThat(outbox.markDead(job, 1, NOW.plusSeconds(2), "refused for good: 550")).isZero();

        assertThat(row(job)).extracting(Row::sentAt, Row::deadAt, Row::lastError, Row::dueAt)
                .containsExactly(NOW.plusSeconds(1), null, null, null);
    }

    @Test
    void markSentSettlesTheJobWhateverElseWasRecorded() {
        long job = job(NOW.minusSeconds(60));
        outbox.claim(job, NOW, NOW.plusSeconds(60));
        outbox.setAside(job, NOW.plusSeconds(1), "looked invalid");
        set(job, "claimed_until", NOW.plusSeconds(60));
        set(job, "due_at", NOW.plusSeconds(300));

        assertThat(outbox.markSent(job, NOW.plusSeconds(2))).isEqualTo(1);

        Row row = row(job);
        assertThat(row.sentAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(row).extracting(Row::deadAt, Row::claimedUntil, Row::dueAt, Row::lastError).containsOnlyNulls();
        assertThat(outbox.claim(job, NOW.plusSeconds(120), NOW.plusSeconds(180))).isZero();
    }

    @Test
    void dueAgainMovesOnlyTheGivenJobsThatAreNeitherSentNorDead() {
        long first = job(NOW.plusSeconds(300));
        long second = job(NOW.plusSeconds(300));
        long other = job(NOW.plusSeconds(300));
        long sent = job(NOW.plusSeconds(300));
        set(sent, "sent_at", NOW.minusSeconds(1));
        long dead = job(NOW.plusSeconds(300));
        set(dead, "dead_at", NOW.minusSeconds(1));

        assertThat(outbox.dueAgain(List.of(first, second, sent, dead), NOW)).isEqualTo(2);

        assertThat(row(first).dueAt()).isEqualTo(NOW);
        assertThat(row(second).dueAt()).isEqualTo(NOW);
        assertThat(row(other).dueAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(row(sent).dueAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(row(dead).dueAt()).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void aJobSetAsideIsDeadWithItsReasonAndNoLongerDueUnlessItWasSent() {
        long job = job(NOW.minusSeconds(60));
        long sent = job(NOW.minusSeconds(60));
        set(sent, "sent_at", NOW.minusSeconds(1));

        assertThat(outbox.setAside(job, NOW, "no email in the payload")).isEqualTo(1);
        assertThat(outbox.setAside(sent, NOW, "no email in the payload")).isZero();

        assertThat(row(job)).extracting(Row::deadAt, Row::dueAt, Row::lastError)
                .containsExactly(NOW, null, "no email in the payload");
        assertThat(row(sent)).extracting(Row::deadAt, Row::lastError).containsOnlyNulls();
        assertThat(outbox.lockDue(NOW.plusSeconds(3600), PageRequest.of(0, 100))).extracting(OutboxEvent::getId)
                .doesNotContain(job);
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // a committed row, which another transaction can lock
    void findForUpdateLocksTheJobUntilTheTransactionEnds() {
        long job = committedJob(NOW.minusSeconds(60));
        String otherClaim = "update email_outbox set claimed_until = claimed_until where id = ?";
        try {
            new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                assertThat(outbox.findForUpdate(job)).map(OutboxEvent::getId).hasValue(job);
                assertThat(LockProbe.wouldWait(database, otherClaim, job)).isTrue();
                assertThat(outbox.findForUpdate(Long.MAX_VALUE)).isEmpty();
            });
            assertThat(LockProbe.wouldWait(database, otherClaim, job)).isFalse();
        } finally {
            jdbc.update("delete from email_outbox where id = ?", job);
        }
    }

    private long job(Instant dueAt) {
        return outbox.saveAndFlush(new OutboxEvent(EmailJob.REGISTRATION, "{}", NOW.minusSeconds(3600), dueAt)).getId();
    }

    private long committedJob(Instant dueAt) {
        return outbox.save(new OutboxEvent(EmailJob.REGISTRATION, "{}", NOW.minusSeconds(3600), dueAt)).getId();
    }

    private void set(long job, String column, Instant value) {
        jdbc.update("update email_outbox set " + column + " = ? where id = ?", Timestamp.from(value), job);
    }

    /** The row as the database has it now (the bulk updates bypass the persistence context). */
    private Row row(long job) {
        return jdbc.queryForObject("select * from email_outbox where id = ?", (rs, n) -> new Row(
                instant(rs, "due_at"), instant(rs, "claimed_until"), rs.getInt("send_attempts"),
                instant(rs, "published_at"), rs.getString("queue_ref"), instant(rs, "sent_at"),
                instant(rs, "dead_at"), rs.getString("last_error")), job);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private record Row(Instant dueAt, Instant claimedUntil, int sendAttempts, Instant publishedAt, String queueRef,
            Instant sentAt, Instant deadAt, String lastError) {
    }
}
