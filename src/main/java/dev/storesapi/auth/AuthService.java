package dev.storesapi.auth;

import dev.storesapi.ratelimit.RateLimitProperties;
import dev.storesapi.ratelimit.RateLimiter;
import dev.storesapi.user.User;
import dev.storesapi.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Logins, refreshes and logouts, backed by login sessions in the database (docs/api.md "Authentication"). */
@Service
public class AuthService {

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);
    private static final String LOGIN_FAILURES = "login-username";

    private final UserRepository users;
    private final LoginSessionRepository sessions;
    private final PasswordEncoder passwordEncoder;
    private final JwtService jwt;
    private final JwtProperties properties;
    private final Clock clock;
    private final RateLimiter rateLimiter;
    private final RateLimitProperties rateLimits;
    /**
     * Compared against when the username is unknown, so both failures take about as long. Made on
     * the first such login rather than at start-up, where an Argon2 hash costs a cold start on a
     * small CPU quota a few hundred milliseconds (docs/deploy.md "Memory and start-up settings").
     */
    private volatile String dummyHash;

    AuthService(UserRepository users, LoginSessionRepository sessions, PasswordEncoder passwordEncoder,
            JwtService jwt, JwtProperties properties, Clock clock, RateLimiter rateLimiter,
            RateLimitProperties rateLimits) {
        this.users = users;
        this.sessions = sessions;
        this.passwordEncoder = passwordEncoder;
        this.jwt = jwt;
        this.properties = properties;
        this.clock = clock;
        this.rateLimiter = rateLimiter;
        this.rateLimits = rateLimits;
    }

    /**
     * A fresh access token and a refresh token, both bound to a new login session. Deliberately not
     * one transaction: the password hash (tens of milliseconds of CPU) runs between two short ones,
     * so a burst of logins never holds the database connections that catalog reads need.
     */
    public TokenResponse login(LoginRequest request) {
        String usernameKey = User.usernameKey(request.username());
        // Every attempt takes one from the username's bucket before the hash; only a wrong password
        // keeps it (a 503 with every hashing slot busy, or the database down, gives it back).
        rateLimiter.acquire(LOGIN_FAILURES, rateLimits.loginFailuresPerUsername(), usernameKey);
        Optional<User> found;
        String hash;
        boolean matches;
        try {
            found = users.findByUsernameKey(usernameKey);
            hash = found.map(User::getPasswordHash).orElseGet(this::dummyHash);
            matches = passwordEncoder.matches(request.password(), hash);
        } catch (RuntimeException noVerdict) {
            rateLimiter.giveBack(LOGIN_FAILURES, rateLimits.loginFailuresPerUsername(), usernameKey);
            throw noVerdict;
        }
        User user = found.filter(ignored -> matches)
                .orElseThrow(() -> new AuthFailureException(AuthFailure.INVALID_CREDENTIALS));
        rateLimiter.giveBack(LOGIN_FAILURES, rateLimits.loginFailuresPerUsername(), usernameKey);
        if (passwordEncoder.upgradeEncoding(hash)) {
            upgradeHash(user, hash, request.password());
        }
        Instant now = clock.instant();
        LoginSession session = sessions.save(new LoginSession(UUID.randomUUID(), user.getId(), now,
                now.plus(properties.refreshTtl())));
        return new TokenResponse(
                jwt.accessToken(user.getId(), session.getId(), true, user.isAdmin()),
                jwt.refreshToken(user.getId(), session.getId()));
    }

    /**
     * A hash made with weaker parameters than today's (PasswordConfig) is replaced while we know
     * the password. Best effort: when every hashing slot is busy, the sign-in still succeeds and a
     * later one replaces it.
     */
    private void upgradeHash(User user, String oldHash, String password) {
        try {
            users.replacePasswordHash(user.getId(), oldHash, passwordEncoder.encode(password));
        } catch (PasswordHashingBusyException busy) {
            log.debug("Password hash of user {} not upgraded this time: hashing is busy", user.getId());
        }
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            // Two logins racing here both make one: harmless.
            hash = passwordEncoder.encode(UUID.randomUUID().toString());
            dummyHash = hash;
        }
        return hash;
    }

    /** A new, non-fresh access token for the refresh token's session. */
    public TokenResponse refresh(AuthenticatedUser caller) {
        return new TokenResponse(jwt.accessToken(caller.userId(), caller.sessionId(), false, caller.admin()), null);
    }

    /** Revokes the whole session: the access token used and its refresh token stop working at once. */
    @Transactional
    public void logout(AuthenticatedUser caller) {
        sessions.revoke(caller.sessionId(), clock.instant());
    }

    Optional<ActiveSession> findActiveSession(UUID sessionId) {
        return sessions.findActive(sessionId, clock.instant());
    }

    /** Expired sessions can authenticate nothing; dropping them keeps the table small. Safe on every instance. */
    @Scheduled(fixedDelay = 60, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    @Transactional
    public void purgeExpiredSessions() {
        int purged = sessions.deleteExpired(clock.instant());
        if (purged > 0) {
            log.info("Purged {} expired login sessions", purged);
        }
    }
}
