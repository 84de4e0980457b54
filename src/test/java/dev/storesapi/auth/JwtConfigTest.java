package dev.storesapi.auth;

import dev.storesapi.error.InvalidConfigurationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtConfigTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            // application.yml holds the settings' defaults (docs/configuration.md "Where settings live").
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(JwtConfig.class)
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void prodProfileRefusesToStartWithoutSecret() {
        context.withPropertyValues("spring.profiles.active=prod").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause()
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessage("JWT_SECRET_KEY is not set, and the prod profile requires it.");
        });
    }

    @Test
    void defaultProfileSignsWithARandomKeyWithoutSecret() {
        context.run(started -> {
            JwtService jwt = started.getBean(JwtService.class);
            UUID session = UUID.randomUUID();
            VerifiedToken token = jwt.verify(jwt.accessToken(7, session, true, false), TokenType.ACCESS);
            assertThat(token.userId()).isEqualTo(7);
            assertThat(token.sessionId()).isEqualTo(session);
            assertThat(token.fresh()).isTrue();
        });
    }

    @Test
    void refusesToStartWithShortSecret() {
        context.withPropertyValues("jwt.secret-key=too-short").run(started ->
                assertThat(started.getStartupFailure()).rootCause()
                        .isInstanceOf(InvalidConfigurationException.class)
                        .hasMessageContaining("at least 32 bytes"));
    }

    @Test
    void tokensSignedWithTheSameSecretVerifyAcrossInstances() {
        String secret = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
        context.withPropertyValues("jwt.secret-key=" + secret).run(first ->
                context.withPropertyValues("jwt.secret-key=" + secret).run(second -> {
                    String token = first.getBean(JwtService.class).refreshToken(3, UUID.randomUUID());
                    assertThat(second.getBean(JwtService.class).verify(token, TokenType.REFRESH).userId())
                            .isEqualTo(3);
                }));
    }

    @Test
    void acceptsBase64OrRawSecretsOfAtLeast32Bytes() {
        byte[] raw32 = "raw secret of exactly 32 bytes!!".getBytes(StandardCharsets.UTF_8);
        assertThat(raw32).hasSize(32);

        assertThat(JwtSigningKey.fromSecret(new String(raw32, StandardCharsets.UTF_8)).getEncoded()).isEqualTo(raw32);
        assertThat(JwtSigningKey.fromSecret(Base64.getEncoder().encodeToString(raw32)).getEncoded()).isEqualTo(raw32);
        assertThat(JwtSigningKey.fromSecret(Base64.getUrlEncoder().encodeToString(raw32)).getEncoded()).isEqualTo(raw32);
        assertThatThrownBy(() -> JwtSigningKey.fromSecret(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(InvalidConfigurationException.class);
    }

    @Test
    void verifiesTypeAndRefusesTheOther() {
        context.run(started -> {
            JwtService jwt = started.getBean(JwtService.class);
            String refresh = jwt.refreshToken(1, UUID.randomUUID());
            assertThatThrownBy(() -> jwt.verify(refresh, TokenType.ACCESS))
                    .isInstanceOfSatisfying(AuthFailureException.class,
                            refused -> assertThat(refused.failure()).isEqualTo(AuthFailure.INVALID_TOKEN));
        });
    }
}
