package dev.storesapi.auth;

import dev.storesapi.ratelimit.RateLimit;
import dev.storesapi.ratelimit.RateLimitProperties;
import dev.storesapi.ratelimit.RateLimitedException;
import dev.storesapi.ratelimit.RateLimiter;
import dev.storesapi.user.Role;
import dev.storesapi.user.User;
import dev.storesapi.user.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Login costs one password hash comparison whether or not the username exists (no user enumeration by timing). */
class AuthServiceTest {

    private static final RateLimit GENEROUS = RateLimit.valueOf("1000/1m");
    private static final RateLimitProperties LIMITS = new RateLimitProperties(true, Duration.ZERO, GENEROUS, GENEROUS, GENEROUS,
            GENEROUS, Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(15));

    private final UserRepository users = mock(UserRepository.class);
    private final LoginSessionRepository sessions = mock(LoginSessionRepository.class);
    private final RecordingEncoder encoder = new RecordingEncoder();
    private final JwtProperties properties = new JwtProperties(null, Duration.ofMinutes(15), Duration.ofDays(30),
            Duration.ofSeconds(30));
    private final AuthService auth = new AuthService(users, sessions, encoder,
            new JwtService(JwtSigningKey.random(), properties, Clock.systemUTC()), properties, Clock.systemUTC(),
            new RateLimiter(LIMITS, null), LIMITS);

    @Test
    void unknownUsernameIsComparedAgainstADummyHash() {
        when(users.findByUsernameKey("ghost")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> auth.login(new LoginRequest("ghost", "whatever password")))
                .isInstanceOfSatisfying(AuthFailureException.class,
                        refused -> assertThat(refused.failure()).isEqualTo(AuthFailure.INVALID_CREDENTIALS));

        assertThat(encoder.compared).hasSize(1);
        assertThat(encoder.compared.getFirst()).isEqualTo(encoder.encoded.getFirst());
    }

    @Test
    void wrongPasswordIsOneComparisonAgainstTheUsersHash() {
        User jose = new User("jose", "jose@example.com", "hash-of-jose", Role.USER, Instant.now());
        when(users.findByUsernameKey("jose")).thenReturn(Optional.of(jose));

        assertThatThrownBy(() -> auth.login(new LoginRequest("jose", "wrong")))
                .isInstanceOf(AuthFailureException.class);

        assertThat(encoder.compared).containsExactly("hash-of-jose");
    }

    @Test
    void rightPasswordOpensASession() {
        User jose = mock(User.class);
        when(jose.getId()).thenReturn(7L);
        when(jose.getPasswordHash()).thenReturn("hash-of-right");
        when(users.findByUsernameKey("jose")).thenReturn(Optional.of(jose));
        when(sessions.save(any())).thenAnswer(call -> call.getArgument(0));

        TokenResponse tokens = auth.login(new LoginRequest("jose", "right"));

        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank();
    }

    /** Only a wrong password costs one of the username's attempts (docs/security.md). */
    @Test
    void aSignInRefusedBecauseHashingIsBusyCostsNoAttempt() {
        RateLimitProperties oneFailure = new RateLimitProperties(true, Duration.ZERO, GENEROUS,
                RateLimit.valueOf("1/1m"), GENEROUS, GENEROUS, Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofSeconds(15));
        PasswordEncoder busy = new RecordingEncoder() {
            @Override
            public boolean matches(CharSequence raw, String hash) {
                throw new PasswordHashingBusyException();
            }
        };
        User jose = new User("jose", "jose@example.com", "hash-of-jose", Role.USER, Instant.now());
        when(users.findByUsernameKey("jose")).thenReturn(Optional.of(jose));
        RateLimiter limiter = new RateLimiter(oneFailure, null);
        JwtService jwt = new JwtService(JwtSigningKey.random(), properties, Clock.systemUTC());
        AuthService whileBusy = new AuthService(users, sessions, busy, jwt, properties, Clock.systemUTC(), limiter,
                oneFailure);
        AuthService afterwards = new AuthService(users, sessions, encoder, jwt, properties, Clock.systemUTC(), limiter,
                oneFailure);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> whileBusy.login(new LoginRequest("jose", "wrong")))
                    .isInstanceOf(PasswordHashingBusyException.class);
        }
        assertThatThrownBy(() -> afterwards.login(new LoginRequest("jose", "wrong")))
                .as("the one attempt is still there").isInstanceOf(AuthFailureException.class);
        assertThatThrownBy(() -> afterwards.login(new LoginRequest("jose", "wrong")))
                .as("and now used").isInstanceOf(RateLimitedException.class);
    }

    /** Hashes "x" as "hash-of-x" and records every hash it is asked to compare with. */
    private static class RecordingEncoder implements PasswordEncoder {
        final List<String> encoded = new ArrayList<>();
        final List<String> compared = new ArrayList<>();

        @Override
        public String encode(CharSequence raw) {
            String hash = "hash-of-" + raw;
            encoded.add(hash);
            return hash;
        }

        @Override
        public boolean matches(CharSequence raw, String hash) {
            compared.add(hash);
            return hash.equals("hash-of-" + raw);
        }
    }
}
