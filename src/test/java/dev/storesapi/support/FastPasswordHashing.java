package dev.storesapi.support;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id at its smallest (16 KiB, one pass) for tests that sign up and in but are not about
 * hashing: the production parameters cost tens of milliseconds a hash, and the authorisation
 * matrix alone hashes hundreds of times. The same {argon2}/{bcrypt} formats, so hashes stay
 * readable by an instance with production hashing (SecondInstance). Tests about hashing set
 * {@code stores.test.password-hashing=production}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FastPasswordHashing {

    @Bean
    @Primary
    @ConditionalOnProperty(name = "stores.test.password-hashing", havingValue = "fast", matchIfMissing = true)
    PasswordEncoder fastPasswordEncoder() {
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", new Argon2PasswordEncoder(16, 32, 1, 16, 1),
                "bcrypt", new BCryptPasswordEncoder(4)));
    }
}
