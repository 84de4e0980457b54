package dev.storesapi.mail;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

public interface OutboxRepository extends JpaRepository<OutboxEvent, Long> {

    /**
     * Unpublished rows older than {@code before}, locked for the caller's transaction. On PostgreSQL
     * the lock skips rows another instance holds (FOR UPDATE SKIP LOCKED), so concurrent sweeps
     * split the work instead of publishing twice; H2 simply waits.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("select o from OutboxEvent o where o.publishedAt is null and o.deadAt is null and o.createdAt < :before "
            + "order by o.createdAt")
    List<OutboxEvent> lockUnpublished(Instant before, Pageable page);

    @Modifying
    @Query("update OutboxEvent o set o.publishedAt = :now where o.id = :id and o.publishedAt is null")
    int markPublished(Long id, Instant now);
}
