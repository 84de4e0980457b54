package dev.storesapi.auth;

import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * New hashes are Argon2id with one of OWASP's equivalent parameter sets: 12 MiB, 3 iterations,
 * 1 lane. The smaller-memory set is the one that fits a 512 MiB instance: its heap is about 128 MiB
 * (docs/deploy.md "Memory and start-up settings") and hashes run in parallel, one per CPU. Unlike bcrypt,
 * which only reads the first 72 bytes, every character of a 128-character password counts.
 * The delegating encoder prefixes each hash with its algorithm ({argon2}...); a stored hash made
 * with weaker parameters (or bcrypt) is replaced at the user's next login (AuthService).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class PasswordConfig {

    static final int MEMORY_KIB = 12 * 1024;
    static final int ITERATIONS = 3;

    @Bean
    PasswordEncoder passwordEncoder(AuthProperties properties) {
        Argon2PasswordEncoder argon2id = new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, ITERATIONS);
        PasswordEncoder delegating = new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", argon2id,
                "bcrypt", new BCryptPasswordEncoder(12)));
        return new ConcurrencyLimitedPasswordEncoder(delegating, concurrentHashes(), properties.hashWait());
    }

    /** One per CPU, but never more than a quarter of the heap in hashes. */
    static int concurrentHashes() {
        long heapBudget = Runtime.getRuntime().maxMemory() / 4;
        int byMemory = (int) Math.max(1, heapBudget / (MEMORY_KIB * 1024L));
        return Math.min(Runtime.getRuntime().availableProcessors(), byMemory);
    }
}
