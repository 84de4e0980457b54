package dev.storesapi.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what (docs/api.md "Endpoints"): the one table that {@link SecurityConfig} enforces
 * and the OpenAPI document shows (config/OpenApiConfig, accessRules). The first route that matches decides.
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

    public static final List<Route> ROUTES = List.of(
            new Route(null, "/error", Access.PUBLIC),
            new Route(HttpMethod.POST, "/register", Access.PUBLIC),
            new Route(HttpMethod.POST, "/login", Access.PUBLIC),
            new Route(HttpMethod.POST, "/refresh", Access.REFRESH_TOKEN),
            new Route(HttpMethod.GET, "/user/**", Access.TOKEN),
            new Route(HttpMethod.HEAD, "/user/**", Access.TOKEN),
            // Metrics describe the whole service (docs/security.md).
            new Route(null, "/actuator/prometheus", Access.ADMIN_OR_METRICS_TOKEN),
            // Operating the service: dead email jobs (docs/email.md).
            new Route(null, "/admin/**", Access.ADMIN),
            // Catalog reads, API docs and health are public; unknown GET routes get their 404.
            // HEAD is a GET without the body; OPTIONS only lists the methods (Allow).
            new Route(HttpMethod.GET, "/**", Access.PUBLIC),
            new Route(HttpMethod.HEAD, "/**", Access.PUBLIC),
            new Route(HttpMethod.OPTIONS, "/**", Access.PUBLIC),
            new Route(HttpMethod.POST, "/item", Access.FRESH_TOKEN),
            new Route(HttpMethod.DELETE, "/store/*", Access.ADMIN),
            new Route(HttpMethod.DELETE, "/item/*", Access.ADMIN),
            new Route(HttpMethod.DELETE, "/tag/*", Access.ADMIN),
            new Route(HttpMethod.DELETE, "/user/{user_id}", Access.SELF_WITH_FRESH_TOKEN_OR_ADMIN),
            // Everything else (catalog writes, links, logout) needs an access token.
            new Route(null, "/**", Access.TOKEN));

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
