package dev.storesapi.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Issues and verifies the API's JWTs (docs/api.md "Authentication"): HS256 only, with sub, jti, iat, nbf, exp,
 * type, sid, and for access tokens fresh and is_admin.
 */
public class JwtService {

    private static final String ALGORITHM = "HS256";

    private final SecretKey key;
    private final JwtProperties properties;
    private final Clock clock;
    private final JwtParser parser;

    JwtService(SecretKey key, JwtProperties properties, Clock clock) {
        this.key = key;
        this.properties = properties;
        this.clock = clock;
        // Unsigned ("alg": "none") tokens are refused by jjwt's parser unless explicitly allowed.
        this.parser = Jwts.parser()
                .verifyWith(key)
                .clockSkewSeconds(properties.clockSkew().toSeconds())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    String accessToken(long userId, UUID sessionId, boolean fresh, boolean admin) {
        return token(userId, sessionId, TokenType.ACCESS, properties.accessTtl().toSeconds())
                .claim("fresh", fresh)
                .claim("is_admin", admin)
                .compact();
    }

    String refreshToken(long userId, UUID sessionId) {
        return token(userId, sessionId, TokenType.REFRESH, properties.refreshTtl().toSeconds()).compact();
    }

    private io.jsonwebtoken.JwtBuilder token(long userId, UUID sessionId, TokenType type, long ttlSeconds) {
        Instant now = clock.instant();
        return Jwts.builder()
                .header().add("typ", "JWT").and()
                .subject(Long.toString(userId))
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .notBefore(Date.from(now))
                .expiration(Date.from(now.plusSeconds(ttlSeconds)))
                .claim("type", type.claim())
                .claim("sid", sessionId.toString())
                .signWith(key, Jwts.SIG.HS256);
    }

    /** Checks signature, algorithm, lifetime and type; refuses with the documented reason. */
    VerifiedToken verify(String token, TokenType expected) {
        try {
            Jws<Claims> jws = parser.parseSignedClaims(token);
            Claims claims = jws.getPayload();
            String subject = claims.getSubject();
            String sessionId = claims.get("sid", String.class);
            if (!ALGORITHM.equals(jws.getHeader().getAlgorithm())
                    || !expected.claim().equals(claims.get("type", String.class))
                    || claims.getExpiration() == null
                    || subject == null
                    || sessionId == null) {
                throw new AuthFailureException(AuthFailure.INVALID_TOKEN);
            }
            return new VerifiedToken(Long.parseLong(subject), UUID.fromString(sessionId),
                    Boolean.TRUE.equals(claims.get("fresh", Boolean.class)));
        } catch (ExpiredJwtException expired) {
            throw new AuthFailureException(AuthFailure.TOKEN_EXPIRED);
        } catch (JwtException | IllegalArgumentException malformed) {
            // Also a claim of the wrong type (JwtException), a sub that is no number, a sid that is no UUID.
            throw new AuthFailureException(AuthFailure.INVALID_TOKEN);
        }
    }
}
