package dev.storesapi.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;

import dev.storesapi.catalog.item.ItemResponse;
import dev.storesapi.catalog.item.ItemService;
import dev.storesapi.catalog.store.PlainStore;
import dev.storesapi.catalog.store.StoreResponse;
import dev.storesapi.catalog.store.StoreService;
import dev.storesapi.catalog.tag.TagResponse;
import dev.storesapi.catalog.tag.TagService;
import dev.storesapi.catalog.tag.UnlinkResponse;
import dev.storesapi.support.ApiSlice;
import dev.storesapi.support.TestSecrets;
import dev.storesapi.user.Role;
import dev.storesapi.user.UserResponse;
import dev.storesapi.user.UserService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * docs/api.md "Endpoints" (who may call what) and "Authentication", enforced by the real security
 * filter chain (SecurityConfig, JwtAuthenticationFilter, AccessRules) over every controller, with
 * real tokens signed by the real JwtService. The services behind the controllers are stand-ins:
 * what a caller may do is decided before they run. A session is live when the stand-in AuthService
 * says so; that the database query answering it refuses revoked, expired and orphaned sessions is
 * LoginSessionRepositoryTest's subject, and TokenForgeryIT's over HTTP.
 *
 * <p>Not here: Actuator's endpoints and /v3/api-docs (auth/ActuatorAccessIT, web/OpenApiIT) and
 * /admin/emails (mail/DeadEmailsIT), whose beans {@link ApiSlice} leaves out.
 */
@ApiSlice
class AuthorizationMatrixWebMvcTest {

    /** Who calls: no token, a live login's tokens, or a token that must be refused. */
    enum Caller { ANONYMOUS, USER, USER_NOT_FRESH, ADMIN, REFRESH_TOKEN, REVOKED, EXPIRED }

    private static final long USER_ID = 11;
    private static final long ADMIN_ID = 12;
    private static final long OTHER_USER_ID = 13;
    private static final UUID USER_SESSION = UUID.randomUUID();
    private static final UUID ADMIN_SESSION = UUID.randomUUID();
    private static final UUID REVOKED_SESSION = UUID.randomUUID();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JwtService jwt;

    @Autowired
    JwtProperties jwtProperties;

    @Autowired
    AuthService auth;

    @Autowired
    StoreService stores;

    @Autowired
    ItemService items;

    @Autowired
    TagService tags;

    @Autowired
    UserService users;

    /**
     * Expected status per caller, in {@link Caller}'s order. A refused token (refresh token as an
     * access token, revoked, expired) leaves the caller anonymous: public routes answer, the others
     * 401 with the reason. Stand-in services answer every allowed call with success.
     */
    static Stream<Arguments> matrix() {
        return Stream.of(
                //                                     anon user not-fresh admin refresh revoked expired
                row("GET /store", "GET", "/store", 200, 200, 200, 200, 200, 200, 200),
                row("POST /store", "POST", "/store", 401, 201, 201, 201, 401, 401, 401),
                row("GET /store/{id}", "GET", "/store/1", 200, 200, 200, 200, 200, 200, 200),
                row("DELETE /store/{id}", "DELETE", "/store/1", 401, 403, 403, 200, 401, 401, 401),
                row("GET /item", "GET", "/item", 200, 200, 200, 200, 200, 200, 200),
                row("POST /item", "POST", "/item", 401, 201, 401, 201, 401, 401, 401),
                row("GET /item/{id}", "GET", "/item/2", 200, 200, 200, 200, 200, 200, 200),
                row("PUT /item/{id}", "PUT", "/item/2", 401, 200, 200, 200, 401, 401, 401),
                row("DELETE /item/{id}", "DELETE", "/item/2", 401, 403, 403, 200, 401, 401, 401),
                row("GET /store/{id}/tag", "GET", "/store/1/tag", 200, 200, 200, 200, 200, 200, 200),
                row("POST /store/{id}/tag", "POST", "/store/1/tag", 401, 201, 201, 201, 401, 401, 401),
                row("POST /item/{id}/tag/{id}", "POST", "/item/2/tag/3", 401, 200, 200, 200, 401, 401, 401),
                row("DELETE /item/{id}/tag/{id}", "DELETE", "/item/2/tag/3", 401, 200, 200, 200, 401, 401, 401),
                row("GET /tag/{id}", "GET", "/tag/3", 200, 200, 200, 200, 200, 200, 200),
                row("DELETE /tag/{id}", "DELETE", "/tag/3", 401, 403, 403, 200, 401, 401, 401),
                row("POST /register", "POST", "/register", 201, 201, 201, 201, 201, 201, 201),
                row("POST /login", "POST", "/login", 200, 200, 200, 200, 200, 200, 200),
                // Callers send their refresh token here, as clients do (tokenOf).
                row("POST /refresh", "POST", "/refresh", 401, 200, 200, 200, 200, 401, 401),
                row("POST /logout", "POST", "/logout", 401, 200, 200, 200, 401, 401, 401),
                row("GET /user/me", "GET", "/user/me", 401, 200, 200, 200, 401, 401, 401),
                row("GET /user/{id}", "GET", "/user/" + OTHER_USER_ID, 401, 200, 200, 200, 401, 401, 401),
                row("DELETE /user/{other}", "DELETE", "/user/" + OTHER_USER_ID, 401, 403, 403, 200, 401, 401, 401),
                row("DELETE /user/{self}", "DELETE", "/user/" + USER_ID, 401, 200, 401, 200, 401, 401, 401),
                // Deny by default (docs/security.md): only named routes are public, whatever the method.
                row("GET /nowhere (unknown path)", "GET", "/nowhere", 401, 404, 404, 404, 401, 401, 401),
                row("OPTIONS /item/{id}/tag/{id}", "OPTIONS", "/item/2/tag/3", 401, 200, 200, 200, 401, 401, 401),
                row("OPTIONS /store/{id}", "OPTIONS", "/store/1", 200, 200, 200, 200, 200, 200, 200));
    }

    @BeforeEach
    void liveSessionsAndSuccessfulServices() {
        given(auth.findActiveSession(any())).willReturn(Optional.empty());
        given(auth.findActiveSession(USER_SESSION)).willReturn(Optional.of(new ActiveSession(USER_SESSION, USER_ID, Role.USER)));
        given(auth.findActiveSession(ADMIN_SESSION)).willReturn(Optional.of(new ActiveSession(ADMIN_SESSION, ADMIN_ID, Role.ADMIN)));
        TokenResponse tokens = new TokenResponse("access", "refresh");
        given(auth.login(any())).willReturn(tokens);
        given(auth.refresh(any())).willReturn(tokens);

        StoreResponse store = new StoreResponse(1L, "Shop", List.of(), List.of());
        PlainStore inStore = new PlainStore(1L, "Shop");
        ItemResponse item = new ItemResponse(2L, "Chair", BigDecimal.ONE, null, inStore, List.of());
        TagResponse tag = new TagResponse(3L, "wood", inStore, List.of());
        given(stores.list(any())).willReturn(Page.empty());
        given(stores.get(anyLong())).willReturn(store);
        given(stores.create(any())).willReturn(store);
        given(items.list(any(), any())).willReturn(Page.empty());
        given(items.get(anyLong())).willReturn(item);
        given(items.create(any())).willReturn(item);
        given(items.update(anyLong(), any(), any())).willReturn(item);
        given(tags.listInStore(anyLong(), any())).willReturn(Page.empty());
        given(tags.get(anyLong())).willReturn(tag);
        given(tags.createInStore(anyLong(), any())).willReturn(tag);
        given(tags.linkToItem(anyLong(), anyLong())).willReturn(new TagService.LinkResult(tag, false));
        given(tags.unlinkFromItem(anyLong(), anyLong())).willReturn(new UnlinkResponse("Item removed from tag", item, tag));
        given(users.view(anyLong(), anyLong(), anyBoolean())).willReturn(new UserResponse(OTHER_USER_ID, "other", null));
    }

    @ParameterizedTest(name = "{0} as {3} -> {4}")
    @MethodSource("cases")
    void enforcesTheMatrix(String endpoint, String method, String path, Caller caller, int expected) {
        var request = mvc.method(HttpMethod.valueOf(method)).uri(path)
                .contentType(MediaType.APPLICATION_JSON).content(bodyFor(method, path));
        String token = tokenOf(caller, path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }

        MvcTestResult result = request.exchange();

        assertThat(result).as("%s as %s", endpoint, caller).hasStatus(expected);
        if (expected == 401 || expected == 403) {
            assertThat(result).bodyJson().extractingPath("$.error").as("%s as %s", endpoint, caller)
                    .isEqualTo(reasonFor(endpoint, caller, expected).code());
        }
    }

    /** The documented reason for a refusal (docs/api.md "Authentication", the failure table). */
    private static AuthFailure reasonFor(String endpoint, Caller caller, int status) {
        if (status == 403) {
            return endpoint.contains("/user/") ? AuthFailure.FORBIDDEN : AuthFailure.ADMIN_REQUIRED;
        }
        return switch (caller) {
            case ANONYMOUS -> AuthFailure.AUTHORIZATION_REQUIRED;
            case USER, ADMIN -> null;
            case USER_NOT_FRESH -> AuthFailure.FRESH_TOKEN_REQUIRED;
            case REFRESH_TOKEN -> AuthFailure.INVALID_TOKEN;
            case REVOKED -> AuthFailure.TOKEN_REVOKED;
            case EXPIRED -> AuthFailure.TOKEN_EXPIRED;
        };
    }

    @ParameterizedTest
    @EnumSource(value = Caller.class, names = {"USER", "ADMIN"})
    void theRefreshRouteTakesNoAccessToken(Caller caller) {
        MvcTestResult result = mvc.post().uri("/refresh")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(caller, "/store")).exchange();

        assertThat(result).hasStatus(401).bodyJson().extractingPath("$.error").isEqualTo("invalid_token");
    }

    /**
     * The caller's token for {@code path}: the access token of their login, except on POST /refresh,
     * which takes the refresh token. REFRESH_TOKEN sends its refresh token everywhere.
     */
    private String tokenOf(Caller caller, String path) {
        boolean refresh = path.equals("/refresh");
        return switch (caller) {
            case ANONYMOUS -> null;
            case USER -> refresh ? jwt.refreshToken(USER_ID, USER_SESSION) : jwt.accessToken(USER_ID, USER_SESSION, true, false);
            case USER_NOT_FRESH -> refresh ? jwt.refreshToken(USER_ID, USER_SESSION)
                    : jwt.accessToken(USER_ID, USER_SESSION, false, false);
            case ADMIN -> refresh ? jwt.refreshToken(ADMIN_ID, ADMIN_SESSION) : jwt.accessToken(ADMIN_ID, ADMIN_SESSION, true, true);
            case REFRESH_TOKEN -> jwt.refreshToken(USER_ID, USER_SESSION);
            case REVOKED -> refresh ? jwt.refreshToken(USER_ID, REVOKED_SESSION)
                    : jwt.accessToken(USER_ID, REVOKED_SESSION, true, false);
            case EXPIRED -> refresh ? issuedLongAgo().refreshToken(USER_ID, USER_SESSION)
                    : issuedLongAgo().accessToken(USER_ID, USER_SESSION, true, false);
        };
    }

    /** The same key and settings, issuing from a clock that stands past both tokens' lifetimes. */
    private JwtService issuedLongAgo() {
        Instant past = Instant.now().minus(jwtProperties.refreshTtl()).minus(jwtProperties.accessTtl())
                .minus(jwtProperties.clockSkew()).minus(Duration.ofMinutes(1));
        return new JwtService(JwtSigningKey.fromSecret(TestSecrets.JWT_SECRET_KEY), jwtProperties,
                Clock.fixed(past, ZoneOffset.UTC));
    }

    private static String bodyFor(String method, String path) {
        if (!method.equals("POST") && !method.equals("PUT")) {
            return "";
        }
        return switch (path) {
            case "/store" -> "{\"name\": \"Shop\"}";
            case "/item" -> "{\"name\": \"Chair\", \"price\": 1, \"store_id\": 1}";
            case "/item/2" -> "{\"price\": 2}";
            case "/store/1/tag" -> "{\"name\": \"wood\"}";
            case "/register" -> "{\"username\": \"newcomer\", \"email\": \"newcomer@example.com\", "
                    + "\"password\": \"long enough pw\"}";
            case "/login" -> "{\"username\": \"someone\", \"password\": \"long enough pw\"}";
            default -> "";
        };
    }

    static Stream<Arguments> cases() {
        return matrix().flatMap(row -> {
            Object[] values = row.get();
            return Stream.of(Caller.values()).map(caller ->
                    arguments(values[0], values[1], values[2], caller, values[3 + caller.ordinal()]));
        });
    }

    private static Arguments row(String endpoint, String method, String path, int... expectedPerCaller) {
        Object[] values = new Object[3 + expectedPerCaller.length];
        values[0] = endpoint;
        values[1] = method;
        values[2] = path;
        for (int i = 0; i < expectedPerCaller.length; i++) {
            values[3 + i] = expectedPerCaller[i];
        }
        return arguments(values);
    }
}
