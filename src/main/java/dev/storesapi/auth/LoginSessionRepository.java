package dev.storesapi.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface LoginSessionRepository extends JpaRepository<LoginSession, UUID> {

    /** One query per authenticated request: the session is live and its user still exists (with their role). */
    @Query("""
            select new dev.storesapi.auth.ActiveSession(s.id, u.id, u.role)
            from LoginSession s join User u on u.id = s.userId
            where s.id = :sessionId and s.revokedAt is null and s.expiresAt > :now""")
    Optional<ActiveSession> findActive(UUID sessionId, Instant now);

    @Modifying
    @Query("update LoginSession s set s.revokedAt = :now where s.id = :sessionId and s.revokedAt is null")
    int revoke(UUID sessionId, Instant now);

    @Modifying
    @Query("delete from LoginSession s where s.expiresAt < :now")
    int deleteExpired(Instant now);
}
