package dev.storesapi.auth;

import dev.storesapi.support.Accounts;
import dev.storesapi.support.Accounts.Tokens;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.Catalog;
import dev.storesapi.support.IntegrationTest;
import dev.storesapi.support.TestSecrets;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import static dev.storesapi.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Tokens an attacker could send (docs/api.md "Authentication", its failure table), against a protected route. */
@IntegrationTest
class TokenForgeryIT {

    private static final SecretKey KEY = Keys.hmacShaKeyFor(TestSecrets.JWT_KEY);
    private static final String PROTECTED = "/user/me";

    @Autowired
    Accounts accounts;

    private Tokens tokens;
    private Claims claims;

    @BeforeEach
    void logIn() {
        tokens = accounts.login(accounts.register());
        claims = Jwts.parser().verifyWith(KEY).build().parseSignedClaims(tokens.access()).getPayload();
    }

    @Test
    void acceptsTheGenuineToken() {
        assertThat(call(tokens.access()).status()).isEqualTo(200);
        assertThat(claims.getSubject()).matches("\\d+");
        assertThat(claims.getId()).isNotBlank();
        assertThat(claims.getIssuedAt()).isNotNull();
        assertThat(claims.getNotBefore()).isNotNull();
        assertThat(claims.getExpiration()).isAfter(claims.getIssuedAt());
        assertThat(claims.get("type", String.class)).isEqualTo("access");
        assertThat(claims.get("fresh", Boolean.class)).isTrue();
        assertThat(claims.get("is_admin", Boolean.class)).isFalse();
        assertThat(claims.get("sid", String.class)).isNotBlank();
    }

    @Test
    void refusesMissingOrBlankHeader() {
        ApiResponse none = accounts.anonymous().get(PROTECTED);
        assertProblem(none, 401, "authorization_required", "Request does not contain an access token.");
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");

        ApiResponse blank = accounts.anonymous().send(accounts.anonymous().request(PROTECTED).header("Authorization", " "));
        assertProblem(blank, 401, "authorization_required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Bearer", "Bearer not.a.jwt", "Bearer abc", "Token xyz"})
    void refusesMalformedHeader(String header) {
        ApiResponse response = accounts.anonymous().send(
                accounts.anonymous().request(PROTECTED).header("Authorization", header));

        assertProblem(response, 401, "invalid_token", "Signature verification failed.");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
    }

    @Test
    void refusesUnsignedToken() {
        String header = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = tokens.access().split("\\.")[1];

        assertProblem(call(header + "." + payload + "."), 401, "invalid_token");
    }

    @Test
    void refusesTokenSignedWithAnotherKey() {
        SecretKey otherKey = Keys.hmacShaKeyFor("another-key-another-key-another-key!".getBytes(StandardCharsets.UTF_8));

        assertProblem(call(copy().signWith(otherKey, Jwts.SIG.HS256).compact()), 401, "invalid_token");
    }

    @Test
    void refusesTamperedPayload() {
        String[] parts = tokens.access().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"is_admin\":false", "\"is_admin\":true");
        assertThat(payload).contains("\"is_admin\":true");

        assertProblem(call(parts[0] + "." + encode(payload) + "." + parts[2]), 401, "invalid_token");
    }

    @Test
    void refusesOtherAlgorithmEvenWithTheRightKey() {
        assertProblem(call(copy().signWith(KEY, Jwts.SIG.HS512).compact()), 401, "invalid_token");
    }

    @Test
    void refusesExpiredToken() {
        Instant past = Instant.now().minusSeconds(3600);
        String expired = copy().issuedAt(Date.from(past.minusSeconds(900))).notBefore(Date.from(past.minusSeconds(900)))
                .expiration(Date.from(past)).signWith(KEY, Jwts.SIG.HS256).compact();

        ApiResponse response = call(expired);

        assertProblem(response, 401, "token_expired", "The token has expired.");
        assertThat(accounts.anonymous().withToken(expired).get("/store").status())
                .as("public routes ignore the token").isEqualTo(200);
    }

    @Test
    void refusesTokenNotYetValid() {
        String early = copy().notBefore(Date.from(Instant.now().plusSeconds(3600))).signWith(KEY, Jwts.SIG.HS256)
                .compact();

        assertProblem(call(early), 401, "invalid_token");
    }

    @Test
    void refusesTokenWithoutExpiry() {
        String eternal = copy().expiration(null).signWith(KEY, Jwts.SIG.HS256).compact();

        assertProblem(call(eternal), 401, "invalid_token");
    }

    @Test
    void refusesRefreshTokenAsAccessToken() {
        assertProblem(call(tokens.refresh()), 401, "invalid_token");
        assertProblem(accounts.anonymous().withToken(tokens.refresh()).post("/store", Map.of("name", Catalog.unique("s"))),
                401, "invalid_token");
    }

    @Test
    void refusesAccessTokenOnRefresh() {
        assertProblem(accounts.anonymous().withToken(tokens.access()).post("/refresh"), 401, "invalid_token");
    }

    @Test
    void refusesTokensAfterLogout() {
        accounts.anonymous().withToken(tokens.access()).post("/logout");

        assertProblem(call(tokens.access()), 401, "token_revoked", "The token has been revoked.");
        assertProblem(accounts.anonymous().withToken(tokens.refresh()).post("/refresh"), 401, "token_revoked");
    }

    @Test
    void refusesTokensAfterTheUserIsDeleted() {
        accounts.admin().delete("/user/" + claims.getSubject());

        assertProblem(call(tokens.access()), 401, "token_revoked");
        assertProblem(accounts.anonymous().withToken(tokens.refresh()).post("/refresh"), 401, "token_revoked");
    }

    @Test
    void refusesGenuineSignatureOverAnotherUsersSession() {
        Tokens someoneElse = accounts.login(accounts.register());
        String otherSid = Jwts.parser().verifyWith(KEY).build().parseSignedClaims(someoneElse.access()).getPayload()
                .get("sid", String.class);

        assertProblem(call(copy().claim("sid", otherSid).signWith(KEY, Jwts.SIG.HS256).compact()), 401,
                "token_revoked");
    }

    /** The genuine access token's claims, ready to be changed and signed. */
    private JwtBuilder copy() {
        return Jwts.builder()
                .subject(claims.getSubject())
                .id(claims.getId())
                .issuedAt(claims.getIssuedAt())
                .notBefore(claims.getNotBefore())
                .expiration(claims.getExpiration())
                .claim("type", "access")
                .claim("fresh", true)
                .claim("is_admin", false)
                .claim("sid", claims.get("sid", String.class));
    }

    private ApiResponse call(String token) {
        HttpRequest.Builder request = accounts.anonymous().request(PROTECTED).header("Authorization", "Bearer " + token);
        return accounts.anonymous().send(request);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
