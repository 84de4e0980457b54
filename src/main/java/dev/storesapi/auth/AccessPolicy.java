package dev.storesapi.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what (docs/api.md "Endpoints"): the one table that {@link SecurityConfig} enforces
 * and the OpenAPI document shows (config/OpenApiConfig, accessRules). The first route that matches
 * decides. Deny by default (docs/security.md): every public route is named, Actuator's endpoints are
 * matched as Boot maps them, and anything else needs a token, whatever its method.
 */
public final class AccessPolicy {

    /** What a caller needs. */
    public enum Access {
        PUBLIC(""),
        TOKEN("Needs an access token."),
        REFRESH_TOKEN("Send the refresh token from POST /login as `Authorization: Bearer <refresh_token>`; every "
                + "other route takes the access token."),
        FRESH_TOKEN("Needs a fresh access token: one from POST /login, not from /refresh."),
        ADMIN("Admins only."),
        SELF_WITH_FRESH_TOKEN_OR_ADMIN("The user themself with a fresh access token (from POST /login), or an admin."),
        ADMIN_OR_METRICS_TOKEN("An admin's access token, or METRICS_TOKEN.");

        private final String description;

        Access(String description) {
            this.description = description;
        }

        public boolean needsToken() {
            return this != PUBLIC;
        }

        /** Whether a caller with a token may still be refused (403). */
        public boolean mayForbid() {
            return this == ADMIN || this == SELF_WITH_FRESH_TOKEN_OR_ADMIN || this == ADMIN_OR_METRICS_TOKEN;
        }

        public String description() {
            return description;
        }
    }

    /** {@code method} null: every method. */
    public record Route(HttpMethod method, String pattern, Access access) {

        RequestMatcher requests() {
            PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
            return method == null ? paths.matcher(pattern) : paths.matcher(method, pattern);
        }

        boolean documents(HttpMethod operationMethod, String pathTemplate) {
            PathPattern parsed = PathPatternParser.defaultInstance.parse(pattern);
            return (method == null || method.equals(operationMethod))
                    && parsed.matches(PathContainer.parsePath(pathTemplate));
        }
    }

    /**
     * Actuator, whatever MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE exposes: health is public, metrics
     * take an admin or METRICS_TOKEN (they describe the whole service), every other endpoint is for
     * admins. New matchers for each filter chain: one learns the endpoints of the first application
     * context it sees.
     */
    static List<Map.Entry<RequestMatcher, Access>> actuator() {
        return List.of(Map.entry(EndpointRequest.to("health"), Access.PUBLIC),
                Map.entry(EndpointRequest.to("prometheus"), Access.ADMIN_OR_METRICS_TOKEN),
                Map.entry(EndpointRequest.toAnyEndpoint(), Access.ADMIN));
    }

    public static final List<Route> ROUTES = Stream.of(
            List.of(new Route(null, "/error", Access.PUBLIC),
                    new Route(HttpMethod.POST, "/register", Access.PUBLIC),
                    new Route(HttpMethod.POST, "/login", Access.PUBLIC),
                    new Route(HttpMethod.POST, "/refresh", Access.REFRESH_TOKEN),
                    // Operating the service: dead email jobs (docs/email.md).
                    new Route(null, "/admin/**", Access.ADMIN)),
            // Catalog reads, the API docs and Swagger UI.
            publicReads("/store", "/store/*", "/store/*/tag", "/item", "/item/*", "/tag/*", "/v3/api-docs",
                    "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"),
            List.of(new Route(HttpMethod.POST, "/item", Access.FRESH_TOKEN),
                    new Route(HttpMethod.DELETE, "/store/*", Access.ADMIN),
                    new Route(HttpMethod.DELETE, "/item/*", Access.ADMIN),
                    new Route(HttpMethod.DELETE, "/tag/*", Access.ADMIN),
                    new Route(HttpMethod.DELETE, "/user/{user_id}", Access.SELF_WITH_FRESH_TOKEN_OR_ADMIN),
                    // Everything else (catalog writes, links, users, logout, unknown paths) needs an access token.
                    new Route(null, "/**", Access.TOKEN)))
            .flatMap(List::stream).toList();

    /** GET, HEAD (a GET without the body) and OPTIONS (the allowed methods) of these paths. */
    private static List<Route> publicReads(String... patterns) {
        return Stream.of(patterns).flatMap(pattern -> Stream.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS)
                .map(method -> new Route(method, pattern, Access.PUBLIC))).toList();
    }

    private AccessPolicy() {
    }

    /** Whether the route that decides a request asks for this access (the filter: which token type). */
    static RequestMatcher decidedBy(Access access) {
        List<Map.Entry<RequestMatcher, Access>> matchers = ROUTES.stream()
                .map(route -> Map.entry(route.requests(), route.access()))
                .toList();
        return request -> matchers.stream()
                .filter(matcher -> matcher.getKey().matches(request))
                .findFirst()
                .map(matcher -> matcher.getValue() == access)
                .orElse(false);
    }

    /** The access of an operation of the OpenAPI document, by its method and path template. */
    public static Optional<Access> of(HttpMethod method, String pathTemplate) {
        return ROUTES.stream().filter(route -> route.documents(method, pathTemplate)).map(Route::access).findFirst();
    }
}
