package dev.storesapi.auth;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tokens signed with the right key but missing or garbling a claim the API needs: each is the
 * documented 401 invalid_token (docs/api.md "Authentication"), never a 500.
 */
class JwtServiceTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private final SecretKey key = Jwts.SIG.HS256.key().build();
    private final JwtService jwt = new JwtService(key,
            new JwtProperties(null, Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofSeconds(30)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsAGenuineAccessToken() {
        UUID session = UUID.randomUUID();

        VerifiedToken token = jwt.verify(jwt.accessToken(7, session, true, false), TokenType.ACCESS);

        assertThat(token.userId()).isEqualTo(7);
        assertThat(token.sessionId()).isEqualTo(session);
    }

    @Test
    void refusesASignedTokenWithoutASessionId() {
        assertInvalid(signed(claims -> claims.subject("7")));
    }

    @Test
    void refusesASignedTokenWithoutASubject() {
        assertInvalid(signed(claims -> claims.claim("sid", UUID.randomUUID().toString())));
    }

    @Test
    void refusesASignedTokenWhoseSessionIdIsNoUuidOrNoString() {
        assertInvalid(signed(claims -> claims.subject("7").claim("sid", "not a uuid")));
        assertInvalid(signed(claims -> claims.subject("7").claim("sid", 42)));
    }

    @Test
    void refusesASignedTokenWhoseSubjectIsNoNumber() {
        assertInvalid(signed(claims -> claims.subject("jose").claim("sid", UUID.randomUUID().toString())));
    }

    private void assertInvalid(String token) {
        // The exception itself, not any: a NullPointerException escaping here would be a 500.
        AuthFailureException refused = catchThrowableOfType(AuthFailureException.class,
                () -> jwt.verify(token, TokenType.ACCESS));

        assertThat(refused).isNotNull();
        assertThat(refused.failure()).isEqualTo(AuthFailure.INVALID_TOKEN);
    }

    /** An access token as JwtService makes one, signed with its key, with only the claims {@code claims} adds. */
    private String signed(UnaryOperator<JwtBuilder> claims) {
        JwtBuilder builder = Jwts.builder()
                .issuedAt(Date.from(NOW))
                .notBefore(Date.from(NOW))
                .expiration(Date.from(NOW.plusSeconds(60)))
                .claim("type", TokenType.ACCESS.claim())
                .claim("fresh", true);
        return claims.apply(builder).signWith(key, Jwts.SIG.HS256).compact();
    }
}
