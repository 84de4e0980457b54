package dev.storesapi.mail;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

public interface OutboxRepository extends JpaRepository<OutboxEvent, Long> {

    /**
     * Rows the sweep must look at (due, and not being sent right now), locked for the caller's
     * transaction. On PostgreSQL the lock skips rows another instance holds (FOR UPDATE SKIP
     * LOCKED), so concurrent sweeps split the work instead of publishing twice; H2 simply waits.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("select o from OutboxEvent o where o.dueAt < :now and o.sentAt is null and o.deadAt is null "
            + "and (o.claimedUntil is null or o.claimedUntil < :now) order by o.dueAt")
    List<OutboxEvent> lockDue(Instant now, Pageable page);

    /**
     * After a publish: due again at {@code dueAt}, unless a worker has settled it already (it can be
     * that fast). published_at keeps the first publish, which spaces out the sweep's next looks.
     */
    @Modifying
    @Query("update OutboxEvent o set o.publishedAt = coalesce(o.publishedAt, :now), o.queueRef = :ref, o.dueAt = :dueAt "
            + "where o.id = :id and o.sentAt is null and o.deadAt is null")
    int markPublished(long id, Instant now, String ref, Instant dueAt);

    /** A row that can never become an email, set aside with the reason; the sweep skips it from now on. */
    @Modifying
    @Query("update OutboxEvent o set o.deadAt = :now, o.dueAt = null, o.lastError = :reason "
            + "where o.id = :id and o.sentAt is null")
    int setAside(long id, Instant now, String reason);

    /** Due again at {@code at} (rows a sweep took but could not look at). */
    @Modifying
    @Query("update OutboxEvent o set o.dueAt = :at where o.id in :ids and o.sentAt is null and o.deadAt is null")
    int dueAgain(List<Long> ids, Instant at);

    /**
     * Takes the send of a job until {@code until}, counting the attempt: 1 when this caller may send
     * it, 0 when it is sent, dead, gone or held by another worker whose claim has not run out.
     */
    @Modifying
    @Query("update OutboxEvent o set o.claimedUntil = :until, o.sendAttempts = o.sendAttempts + 1 "
            + "where o.id = :id and o.sentAt is null and o.deadAt is null "
            + "and (o.claimedUntil is null or o.claimedUntil < :now)")
    int claim(long id, Instant now, Instant until);

    /** Whatever else was recorded: the mail server took it. */
    @Modifying
    @Query("update OutboxEvent o set o.sentAt = :now, o.deadAt = null, o.claimedUntil = null, o.dueAt = null, "
            + "o.lastError = null where o.id = :id")
    int markSent(long id, Instant now);

    /**
     * Attempt {@code attempt} failed, worth another: its claim is given up; the sweep looks again at
     * {@code dueAt}. Nothing changes when a later attempt has claimed the job meanwhile.
     */
    @Modifying
    @Query("update OutboxEvent o set o.claimedUntil = null, o.lastError = :error, o.dueAt = :dueAt "
            + "where o.id = :id and o.sentAt is null and o.sendAttempts = :attempt")
    int markFailed(long id, int attempt, String error, Instant dueAt);

    @Modifying
    @Query("update OutboxEvent o set o.deadAt = :now, o.claimedUntil = null, o.dueAt = null, o.lastError = :error "
            + "where o.id = :id and o.sentAt is null and o.sendAttempts = :attempt")
    int markDead(long id, int attempt, Instant now, String error);

    Page<OutboxEvent> findByDeadAtIsNotNull(Pageable page);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from OutboxEvent o where o.id = :id")
    Optional<OutboxEvent> findForUpdate(long id);
}
