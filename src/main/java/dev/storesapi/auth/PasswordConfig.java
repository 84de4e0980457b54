package dev.storesapi.auth;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * New hashes are Argon2id with OWASP's parameters (19 MiB, 2 iterations, 1 lane). Unlike bcrypt,
 * which only reads the first 72 bytes, every character of a 128-character password counts.
 * The delegating encoder prefixes each hash with its algorithm ({argon2}...), so the
 * parameters or the algorithm can change later without invalidating stored passwords.
 * At most one hash per CPU runs at a time (ConcurrencyLimitedPasswordEncoder).
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        Argon2PasswordEncoder argon2id = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        PasswordEncoder delegating = new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", argon2id,
                "bcrypt", new BCryptPasswordEncoder(12)));
        return new ConcurrencyLimitedPasswordEncoder(delegating, Runtime.getRuntime().availableProcessors());
    }
}
