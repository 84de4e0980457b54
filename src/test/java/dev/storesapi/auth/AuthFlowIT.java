package dev.storesapi.auth;

import dev.storesapi.support.Accounts;
import dev.storesapi.support.Accounts.NewUser;
import dev.storesapi.support.Accounts.Tokens;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.Catalog;
import dev.storesapi.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static dev.storesapi.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AuthFlowIT {

    @Autowired
    Accounts accounts;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuthService authService;

    @Test
    void registerLoginCallRefreshAndLogout() {
        ApiClient anonymous = accounts.anonymous();
        String username = "jose_" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a long enough password " + UUID.randomUUID();
        ApiClient.neverShow(password);

        ApiResponse registered = anonymous.post("/register",
                Map.of("username", username, "email", username + "@example.com", "password", password));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().get("message").asString()).isEqualTo("User created successfully.");

        ApiResponse login = anonymous.post("/login", Map.of("username", username, "password", password));
        assertThat(login.status()).isEqualTo(200);
        String access = login.json().get("access_token").asString();
        String refresh = login.json().get("refresh_token").asString();

        ApiClient caller = anonymous.withToken(access);
        JsonNode me = caller.get("/user/me").json();
        assertThat(me.get("username").asString()).isEqualTo(username);
        assertThat(me.get("email").asString()).isEqualTo(username + "@example.com");
        assertThat(me.has("password")).isFalse();
        assertThat(caller.post("/store", Map.of("name", Catalog.unique("mine"))).status()).isEqualTo(201);

        ApiResponse refreshed = anonymous.withToken(refresh).post("/refresh");
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().propertyNames()).containsExactly("access_token");
        ApiClient notFresh = anonymous.withToken(refreshed.json().get("access_token").asString());
        assertThat(notFresh.post("/store", Map.of("name", Catalog.unique("mine"))).status()).isEqualTo(201);
        assertProblem(notFresh.post("/item", Map.of("name", "x", "price", 1, "store_id", catalog.store())), 401,
                "fresh_token_required", "The token is not fresh.");

        ApiResponse logout = caller.post("/logout");
        assertThat(logout.status()).isEqualTo(200);
        assertThat(logout.json().get("message").asString()).isEqualTo("Successfully logged out.");
        assertProblem(caller.get("/user/me"), 401, "token_revoked", "The token has been revoked.");
        assertProblem(notFresh.get("/user/me"), 401, "token_revoked");
        assertProblem(anonymous.withToken(refresh).post("/refresh"), 401, "token_revoked");
    }

    @Test
    void logoutRevokesOnlyThatLogin() {
        NewUser user = accounts.register();
        Tokens first = accounts.login(user);
        Tokens second = accounts.login(user);

        accounts.anonymous().withToken(first.access()).post("/logout");

        assertProblem(accounts.anonymous().withToken(first.access()).get("/user/me"), 401, "token_revoked");
        assertThat(accounts.anonymous().withToken(second.access()).get("/user/me").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ab            | ok@example.com | long enough pw | username",
            "has space     | ok@example.com | long enough pw | username",
            "héllo         | ok@example.com | long enough pw | username",
            "ok_user       | not-an-email   | long enough pw | email",
            "ok_user       | ok@example.com | short          | password"})
    void registrationRejectsInvalidFields(String username, String email, String password, String field) {
        JsonNode problem = assertProblem(accounts.anonymous().post("/register",
                Map.of("username", username, "email", email, "password", password)), 422, "validation_failed");

        assertThat(problem.get("errors").propertyNames()).containsExactly(field);
    }

    @Test
    void registrationRejectsTooLongValuesAndMissingOrUnknownFields() {
        JsonNode tooLong = assertProblem(accounts.anonymous().post("/register", Map.of("username", "u".repeat(81),
                "email", "e".repeat(250) + "@x.io", "password", "p".repeat(129))), 422, "validation_failed");
        assertThat(tooLong.get("errors").propertyNames()).containsExactlyInAnyOrder("username", "email", "password");

        JsonNode missing = assertProblem(accounts.anonymous().post("/register", Map.of()), 422, "validation_failed");
        assertThat(missing.get("errors").propertyNames()).containsExactlyInAnyOrder("username", "email", "password");

        Map<String, Object> withRole = new HashMap<>(Map.of("username", "someone", "email", "s@example.com",
                "password", "long enough pw"));
        withRole.put("role", "ADMIN");
        JsonNode unknown = assertProblem(accounts.anonymous().post("/register", withRole), 422, "validation_failed");
        assertThat(unknown.get("errors").get("role").get(0).asString()).isEqualTo("Unknown field.");
    }

    @Test
    void rejectsTakenUsernameAndEmailWhateverItsCase() {
        NewUser user = accounts.register();

        assertProblem(accounts.anonymous().post("/register", Map.of("username", user.username(),
                "email", "other-" + user.email(), "password", "long enough pw")), 409, "conflict",
                "A user with that username or email already exists.");
        assertProblem(accounts.anonymous().post("/register", Map.of("username", user.username() + "x",
                "email", user.email().toUpperCase(), "password", "long enough pw")), 409, "conflict",
                "A user with that username or email already exists.");
    }

    @Test
    void twentyParallelRegistrationsOfOneUsernameCreateOneUser() throws Exception {
        String username = "race_" + UUID.randomUUID().toString().substring(0, 8);
        CountDownLatch start = new CountDownLatch(1);
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String email = username + i + "@example.com";
                results.add(pool.submit(() -> {
                    start.await();
                    return accounts.anonymous().post("/register",
                            Map.of("username", username, "email", email, "password", "long enough pw")).status();
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
        }

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from users where username = ?", Integer.class, username))
                .isEqualTo(1);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        NewUser user = accounts.register();

        ApiResponse wrongPassword = accounts.anonymous().post("/login",
                Map.of("username", user.username(), "password", user.password() + "x"));
        ApiResponse unknownUser = accounts.anonymous().post("/login",
                Map.of("username", user.username() + "x", "password", user.password()));

        assertProblem(wrongPassword, 401, "invalid_credentials", "Invalid credentials.");
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void everyCharacterOfALongPasswordCounts() {
        String username = "long_" + UUID.randomUUID().toString().substring(0, 8);
        String password = "x".repeat(127) + "1";
        ApiClient.neverShow(password);
        accounts.anonymous().post("/register",
                Map.of("username", username, "email", username + "@example.com", "password", password));

        assertProblem(accounts.anonymous().post("/login",
                Map.of("username", username, "password", "x".repeat(127) + "2")), 401, "invalid_credentials");
        assertThat(accounts.anonymous().post("/login", Map.of("username", username, "password", password)).status())
                .isEqualTo(200);
    }

    @Test
    void storesOnlyAnArgon2idHash() {
        NewUser user = accounts.register();

        String hash = jdbc.queryForObject("select password_hash from users where username = ?", String.class,
                user.username());

        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(user.password());
    }

    @Test
    void showsEmailOnlyToTheUserThemselfAndAdmins() {
        Tokens owner = accounts.login(accounts.register());
        long ownerId = accounts.idOf(owner.access());

        JsonNode seenByOther = accounts.user().get("/user/" + ownerId).json();
        assertThat(seenByOther.get("id").asLong()).isEqualTo(ownerId);
        assertThat(seenByOther.has("email")).isFalse();
        assertThat(accounts.anonymous().withToken(owner.access()).get("/user/" + ownerId).json().has("email")).isTrue();
        assertThat(accounts.admin().get("/user/" + ownerId).json().has("email")).isTrue();
        assertProblem(accounts.admin().get("/user/987654321"), 404, "not_found", "User not found.");
    }

    @Test
    void userDeletesThemselfWithFreshTokenAndAllTheirTokensAreRevoked() {
        NewUser user = accounts.register();
        Tokens other = accounts.login(user);
        Tokens fresh = accounts.login(user);
        long id = accounts.idOf(fresh.access());
        ApiClient notFresh = accounts.anonymous().withToken(accounts.refreshed(fresh));

        assertProblem(notFresh.delete("/user/" + id), 401, "fresh_token_required");
        assertProblem(accounts.user().delete("/user/" + id), 403, "forbidden",
                "You may only act on your own account.");
        ApiResponse deleted = accounts.anonymous().withToken(fresh.access()).delete("/user/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("message").asString()).isEqualTo("User deleted.");
        assertProblem(accounts.anonymous().withToken(other.access()).get("/user/me"), 401, "token_revoked");
        assertProblem(accounts.anonymous().withToken(other.refresh()).post("/refresh"), 401, "token_revoked");
        assertProblem(accounts.anonymous().post("/login", Map.of("username", user.username(),
                "password", user.password())), 401, "invalid_credentials");
    }

    @Test
    void adminDeletesAnyUser() {
        Tokens victim = accounts.login(accounts.register());
        long id = accounts.idOf(victim.access());

        assertThat(accounts.admin().delete("/user/" + id).status()).isEqualTo(200);
        assertProblem(accounts.anonymous().withToken(victim.access()).get("/user/me"), 401, "token_revoked");
        assertProblem(accounts.admin().delete("/user/" + id), 404, "not_found", "User not found.");
    }

    @Test
    void expiredSessionsArePurged() {
        NewUser user = accounts.register();
        Tokens tokens = accounts.login(user);
        jdbc.update("update login_sessions set expires_at = current_timestamp - interval '1' day "
                + "where user_id = (select id from users where username = ?)", user.username());

        authService.purgeExpiredSessions();

        assertThat(jdbc.queryForObject("select count(*) from login_sessions s join users u on u.id = s.user_id "
                + "where u.username = ?", Integer.class, user.username())).isZero();
        assertProblem(accounts.anonymous().withToken(tokens.access()).get("/user/me"), 401, "token_revoked");
    }
}
