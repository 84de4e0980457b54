package dev.storesapi.support;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Registers users and logs them in over HTTP; hands out clients that send their tokens. */
public class Accounts {

    private final ApiClient api;
    private volatile ApiClient admin;

    public Accounts(ApiClient api) {
        this.api = api;
        ApiClient.neverShow(TestSecrets.ADMIN_PASSWORD);
    }

    /** The bootstrapped admin, with a fresh access token (one login per test context). */
    public ApiClient admin() {
        if (admin == null) {
            admin = api.withToken(login(TestSecrets.ADMIN_USERNAME, TestSecrets.ADMIN_PASSWORD).access());
        }
        return admin;
    }

    /** A new login of the admin: a session of its own, e.g. to log out without affecting others. */
    public Tokens adminLogin() {
        return login(TestSecrets.ADMIN_USERNAME, TestSecrets.ADMIN_PASSWORD);
    }

    /** Registers a new user with unique username and email. */
    public NewUser register() {
        String name = "user_" + UUID.randomUUID().toString().substring(0, 12);
        String password = "pw-" + UUID.randomUUID();
        ApiClient.neverShow(password);
        ApiResponse response = api.post("/register",
                Map.of("username", name, "email", name + "@example.com", "password", password));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return new NewUser(name, name + "@example.com", password);
    }

    public Tokens login(String username, String password) {
        ApiResponse response = api.post("/login", Map.of("username", username, "password", password));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return new Tokens(response.json().get("access_token").asString(),
                response.json().get("refresh_token").asString());
    }

    public Tokens login(NewUser user) {
        return login(user.username(), user.password());
    }

    /** A new user's client with a fresh access token. */
    public ApiClient user() {
        return api.withToken(login(register()).access());
    }

    /** A non-fresh access token from /refresh. */
    public String refreshed(Tokens tokens) {
        ApiResponse response = api.withToken(tokens.refresh()).post("/refresh");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("access_token").asString();
    }

    public long idOf(String accessToken) {
        return api.withToken(accessToken).get("/user/me").id();
    }

    public ApiClient anonymous() {
        return api;
    }

    public record NewUser(String username, String email, String password) {
    }

    public record Tokens(String access, String refresh) {
    }
}
