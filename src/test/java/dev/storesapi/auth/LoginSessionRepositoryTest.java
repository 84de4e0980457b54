package dev.storesapi.auth;

import dev.storesapi.support.RepositorySlice;
import dev.storesapi.user.Role;
import dev.storesapi.user.User;
import dev.storesapi.user.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login sessions behind every token (README "Security"): one query per authenticated request
 * finds a session live, with its user's role; logout revokes it; expired ones are purged.
 */
@RepositorySlice
class LoginSessionRepositoryTest {

    private static final Instant NOW = Instant.parse("2001-02-03T04:05:06Z");

    @Autowired
    LoginSessionRepository sessions;

    @Autowired
    UserRepository users;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLiveSessionIsActiveWithItsUsersRole() {
        User admin = user(Role.ADMIN);
        UUID session = session(admin, NOW.plusSeconds(60));

        assertThat(sessions.findActive(session, NOW)).hasValue(new ActiveSession(session, admin.getId(), Role.ADMIN));
    }

    @Test
    void aRevokedSessionIsNotActive() {
        UUID session = session(user(Role.USER), NOW.plusSeconds(60));

        sessions.revoke(session, NOW);

        assertThat(sessions.findActive(session, NOW.plusSeconds(1))).isEmpty();
    }

    @Test
    void aSessionIsActiveUntilItExpires() {
        UUID session = session(user(Role.USER), NOW);

        assertThat(sessions.findActive(session, NOW.minusMillis(1))).isPresent();
        assertThat(sessions.findActive(session, NOW)).isEmpty();
    }

    @Test
    void theSessionOfADeletedUserIsNotActive() {
        User user = user(Role.USER);
        UUID session = session(user, NOW.plusSeconds(60));

        users.deleteUserById(user.getId());

        assertThat(sessions.findActive(session, NOW)).isEmpty();
    }

    @Test
    void onlyTheSessionAskedForIsFound() {
        User user = user(Role.USER);
        session(user, NOW.plusSeconds(60));

        assertThat(sessions.findActive(UUID.randomUUID(), NOW)).isEmpty();
    }

    @Test
    void aSessionIsRevokedOnceAndKeepsTheTimeOfItsFirstRevocation() {
        UUID session = session(user(Role.USER), NOW.plusSeconds(60));

        assertThat(sessions.revoke(session, NOW)).isEqualTo(1);
        assertThat(sessions.revoke(session, NOW.plusSeconds(1))).isZero();

        assertThat(jdbc.queryForObject("select revoked_at from login_sessions where id = ?", OffsetDateTime.class,
                session).toInstant()).isEqualTo(NOW);
    }

    @Test
    void onlyExpiredSessionsArePurged() {
        User user = user(Role.USER);
        UUID expired = session(user, NOW.minusMillis(1));
        UUID expiringNow = session(user, NOW);
        UUID live = session(user, NOW.plusSeconds(60));

        assertThat(sessions.deleteExpired(NOW)).isEqualTo(1);

        assertThat(jdbc.queryForList("select id from login_sessions where user_id = ?", UUID.class, user.getId()))
                .containsExactlyInAnyOrder(expiringNow, live).doesNotContain(expired);
    }

    private User user(Role role) {
        String name = "session_" + UUID.randomUUID().toString().substring(0, 8);
        return users.saveAndFlush(new User(name, name + "@example.com", "{noop}unused", role, NOW));
    }

    private UUID session(User user, Instant expiresAt) {
        return sessions.saveAndFlush(new LoginSession(UUID.randomUUID(), user.getId(),
                expiresAt.minus(Duration.ofDays(1)), expiresAt)).getId();
    }
}
