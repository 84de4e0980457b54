package dev.storesapi.auth;

import dev.storesapi.support.Accounts;
import dev.storesapi.support.Catalog;
import dev.storesapi.support.IntegrationTest;
import dev.storesapi.user.Role;
import dev.storesapi.user.User;
import dev.storesapi.user.UserRepository;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A hash made with older parameters is replaced at the next successful sign-in (docs/security.md). */
@IntegrationTest
@TestPropertySource(properties = "stores.test.password-hashing=production")
class PasswordRehashIT {

    private static final String PASSWORD = "long enough password";

    @Autowired
    UserRepository users;

    @Autowired
    Accounts accounts;

    @Test
    void oldArgon2AndBcryptHashesAreReplacedWithTodaysParameters() {
        String oldArgon2 = "{argon2}" + new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2).encode(PASSWORD);
        String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder(10).encode(PASSWORD);

        for (String oldHash : new String[] {oldArgon2, bcrypt}) {
            User user = saveUserWith(oldHash);

            assertThat(signIn(user.getUsername(), PASSWORD)).isEqualTo(200);

            String newHash = users.findById(user.getId()).orElseThrow().getPasswordHash();
            assertThat(newHash).startsWith("{argon2}$argon2id$v=19$m=" + PasswordConfig.MEMORY_KIB + ",t="
                    + PasswordConfig.ITERATIONS + ",p=1$");
            assertThat(signIn(user.getUsername(), PASSWORD)).isEqualTo(200);
            assertThat(users.findById(user.getId()).orElseThrow().getPasswordHash()).as("hashed once").isEqualTo(newHash);
        }
    }

    @Test
    void aWrongPasswordChangesNothing() {
        String oldHash = "{bcrypt}" + new BCryptPasswordEncoder(10).encode(PASSWORD);
        User user = saveUserWith(oldHash);

        assertThat(signIn(user.getUsername(), "not the password")).isEqualTo(401);

        assertThat(users.findById(user.getId()).orElseThrow().getPasswordHash()).isEqualTo(oldHash);
    }

    private User saveUserWith(String hash) {
        String username = Catalog.unique("rehash").replace(' ', '_');
        return users.saveAndFlush(new User(username, username + "@example.com", hash, Role.USER, Instant.now()));
    }

    private int signIn(String username, String password) {
        return accounts.anonymous().post("/login", Map.of("username", username, "password", password)).status();
    }
}
