package dev.storesapi.auth;

import dev.storesapi.support.Accounts;
import dev.storesapi.support.Accounts.NewUser;
import dev.storesapi.support.Accounts.Tokens;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.Catalog;
import dev.storesapi.support.Catalog.StoreItemTag;
import dev.storesapi.support.IntegrationTest;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * docs/api.md "Endpoints" (who may call what) and "Authentication": every endpoint x {anonymous, user, user with a non-fresh
 * token, admin}. Each row gets its own data and logins, so rows cannot affect each other.
 */
@IntegrationTest
class AuthorizationMatrixIT {

    enum Caller { ANONYMOUS, USER, USER_NOT_FRESH, ADMIN }

    @Autowired
    Accounts accounts;

    @Autowired
    Catalog catalog;

    /** What a request may use: the row's store, item (in it), tag (in it, linked to the item) and a victim user. */
    record Fixture(long store, long item, long tag, long otherUser, Tokens callerTokens) {
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                //                                                                      anonymous user  non-fresh admin
                row("GET /store", (api, f) -> api.get("/store"), 200, 200, 200, 200),
                row("POST /store", (api, f) -> api.post("/store", Map.of("name", Catalog.unique("m"))), 401, 201, 201, 201),
                row("GET /store/{id}", (api, f) -> api.get("/store/" + f.store()), 200, 200, 200, 200),
                row("DELETE /store/{id}", (api, f) -> api.delete("/store/" + f.store()), 401, 403, 403, 200),
                row("GET /item", (api, f) -> api.get("/item"), 200, 200, 200, 200),
                row("POST /item", (api, f) -> api.post("/item", Map.of("name", "x", "price", 1, "store_id", f.store())),
                        401, 201, 401, 201),
                row("GET /item/{id}", (api, f) -> api.get("/item/" + f.item()), 200, 200, 200, 200),
                row("PUT /item/{id}", (api, f) -> api.put("/item/" + f.item(), Map.of("price", 2)), 401, 200, 200, 200),
                row("DELETE /item/{id}", (api, f) -> api.delete("/item/" + f.item()), 401, 403, 403, 200),
                row("GET /store/{id}/tag", (api, f) -> api.get("/store/" + f.store() + "/tag"), 200, 200, 200, 200),
                row("POST /store/{id}/tag", (api, f) -> api.post("/store/" + f.store() + "/tag", Map.of("name", "new")),
                        401, 201, 201, 201),
                row("POST /item/{id}/tag/{id}", (api, f) -> api.post("/item/" + f.item() + "/tag/" + f.tag()),
                        401, 200, 200, 200),
                row("DELETE /item/{id}/tag/{id}", (api, f) -> api.delete("/item/" + f.item() + "/tag/" + f.tag()),
                        401, 200, 200, 200),
                row("GET /tag/{id}", (api, f) -> api.get("/tag/" + f.tag()), 200, 200, 200, 200),
                row("DELETE /tag/{id} (in use: 409 once allowed)", (api, f) -> api.delete("/tag/" + f.tag()),
                        401, 403, 403, 409),
                row("POST /register", (api, f) -> api.post("/register", newUser()), 201, 201, 201, 201),
                row("POST /login (wrong password)", (api, f) -> api.post("/login",
                        Map.of("username", "nobody", "password", "wrong password")), 401, 401, 401, 401),
                row("POST /refresh (caller's refresh token)", (api, f) -> f.callerTokens() == null
                        ? api.post("/refresh")
                        : api.withToken(f.callerTokens().refresh()).post("/refresh"), 401, 200, 200, 200),
                row("POST /logout", (api, f) -> api.post("/logout"), 401, 200, 200, 200),
                row("GET /user/me", (api, f) -> api.get("/user/me"), 401, 200, 200, 200),
                row("GET /user/{id}", (api, f) -> api.get("/user/" + f.otherUser()), 401, 200, 200, 200),
                row("DELETE /user/{other}", (api, f) -> api.delete("/user/" + f.otherUser()), 401, 403, 403, 200),
                // Deny by default (docs/security.md): only named routes are public, whatever the method.
                row("GET /nowhere (unknown path)", (api, f) -> api.get("/nowhere"), 401, 404, 404, 404),
                row("OPTIONS /item/{id}/tag/{id}", (api, f) -> api.send(api.request("/item/" + f.item() + "/tag/"
                        + f.tag()).method("OPTIONS", HttpRequest.BodyPublishers.noBody())), 401, 200, 200, 200),
                row("OPTIONS /store/{id}", (api, f) -> api.send(api.request("/store/" + f.store())
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())), 200, 200, 200, 200),
                row("GET /v3/api-docs", (api, f) -> api.get("/v3/api-docs"), 200, 200, 200, 200),
                row("GET /actuator/health", (api, f) -> api.get("/actuator/health"), 200, 200, 200, 200));
    }

    @ParameterizedTest(name = "{0} as {1} -> {3}")
    @MethodSource("cases")
    void enforcesTheMatrix(String endpoint, Caller caller, BiFunction<ApiClient, Fixture, ApiResponse> call,
            int expected) {
        Tokens callerTokens = switch (caller) {
            case ANONYMOUS -> null;
            case USER, USER_NOT_FRESH -> accounts.login(accounts.register());
            case ADMIN -> accounts.adminLogin();
        };
        ApiClient api = switch (caller) {
            case ANONYMOUS -> accounts.anonymous();
            case USER, ADMIN -> accounts.anonymous().withToken(callerTokens.access());
            case USER_NOT_FRESH -> accounts.anonymous().withToken(accounts.refreshed(callerTokens));
        };

        ApiResponse response = call.apply(api, fixture(callerTokens));

        assertThat(response.status()).as("%s as %s: %s", endpoint, caller, response.body()).isEqualTo(expected);
    }

    private Fixture fixture(Tokens callerTokens) {
        StoreItemTag made = catalog.taggedItem();
        NewUser other = accounts.register();
        return new Fixture(made.store(), made.item(), made.tag(), accounts.idOf(accounts.login(other).access()), callerTokens);
    }

    static Stream<Arguments> cases() {
        return matrix().flatMap(row -> {
            Object[] values = row.get();
            Caller[] callers = Caller.values();
            return Stream.of(callers).map(caller ->
                    arguments(values[0], caller, values[1], values[2 + caller.ordinal()]));
        });
    }

    private static Arguments row(String endpoint, BiFunction<ApiClient, Fixture, ApiResponse> call,
            int anonymous, int user, int notFresh, int admin) {
        return arguments(endpoint, call, anonymous, user, notFresh, admin);
    }

    private static Map<String, Object> newUser() {
        String name = "m_" + UUID.randomUUID().toString().substring(0, 12);
        return Map.of("username", name, "email", name + "@example.com", "password", "long enough pw");
    }
}
