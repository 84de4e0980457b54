package dev.storesapi.user;

import dev.storesapi.support.RepositorySlice;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The users' queries: the password hash replaced only if unchanged meanwhile, and the delete that ends their sessions. */
@RepositorySlice
class UserRepositoryTest {

    private static final Instant NOW = Instant.parse("2001-02-03T04:05:06Z");

    @Autowired
    UserRepository users;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void thePasswordHashIsReplacedWhenItIsStillTheOneTheCallerRead() {
        long id = user("{bcrypt}old").getId();

        assertThat(users.replacePasswordHash(id, "{bcrypt}old", "{argon2}new")).isEqualTo(1);

        assertThat(hashOf(id)).isEqualTo("{argon2}new");
    }

    @Test
    void thePasswordHashIsLeftAloneWhenSomebodyChangedItMeanwhile() {
        long id = user("{argon2}replaced by a concurrent login").getId();

        assertThat(users.replacePasswordHash(id, "{bcrypt}old", "{argon2}new")).isZero();

        assertThat(hashOf(id)).isEqualTo("{argon2}replaced by a concurrent login");
    }

    @Test
    void deletingAUserDeletesTheirLoginSessionsToo() {
        long id = user("{bcrypt}old").getId();
        jdbc.update("insert into login_sessions (id, user_id, created_at, expires_at) values (?, ?, now(), now())",
                UUID.randomUUID(), id);

        assertThat(users.deleteUserById(id)).isEqualTo(1);
        assertThat(users.deleteUserById(id)).isZero();

        assertThat(jdbc.queryForObject("select count(*) from login_sessions where user_id = ?", Integer.class, id))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from users where id = ?", Integer.class, id)).isZero();
    }

    @Test
    void usernamesAndEmailsAreFoundWhateverTheirCase() {
        String name = "Case_" + UUID.randomUUID().toString().substring(0, 8);
        User user = user(name, "{bcrypt}old");

        assertThat(users.findByUsernameKey(User.usernameKey(name.toUpperCase()))).map(User::getId)
                .hasValue(user.getId());
        assertThat(users.existsByUsernameKeyOrEmailKey("nobody", User.emailKey(name.toUpperCase() + "@EXAMPLE.COM")))
                .isTrue();
        assertThat(users.existsByUsernameKeyOrEmailKey("nobody", "nobody@example.com")).isFalse();
    }

    private User user(String hash) {
        return user("user_" + UUID.randomUUID().toString().substring(0, 8), hash);
    }

    private User user(String name, String hash) {
        return users.saveAndFlush(new User(name, name + "@example.com", hash, Role.USER, NOW));
    }

    /** As the database has it: the update bypasses the persistence context. */
    private String hashOf(long id) {
        return jdbc.queryForObject("select password_hash from users where id = ?", String.class, id);
    }
}
