package dev.storesapi.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.BiFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The authorisation rules beyond "has a token" (docs/api.md "Endpoints", "Authentication"). A
 * denial carries its reason as a {@link Refusal}, so that {@link AuthProblems} answers
 * admin_required, fresh_token_required or forbidden.
 */
final class AccessRules {

    /** A denied decision and why. */
    record Refusal(AuthFailure failure) implements AuthorizationResult {

        @Override
        public boolean isGranted() {
            return false;
        }
    }

    private AccessRules() {
    }

    static AuthorizationManager<RequestAuthorizationContext> freshToken() {
        return rule((caller, context) -> caller.fresh() ? null : AuthFailure.FRESH_TOKEN_REQUIRED);
    }

    static AuthorizationManager<RequestAuthorizationContext> admin() {
        return rule((caller, context) -> caller.admin() ? null : AuthFailure.ADMIN_REQUIRED);
    }

    /**
     * GET /actuator/prometheus: an admin's access token, or the scrape token METRICS_TOKEN when one
     * is configured (a Prometheus cannot sign in and refresh tokens). Compared in constant time.
     */
    static AuthorizationManager<RequestAuthorizationContext> adminOrMetricsToken(String metricsToken) {
        AuthorizationManager<RequestAuthorizationContext> admin = admin();
        byte[] expected = ("Bearer " + metricsToken).getBytes(StandardCharsets.UTF_8);
        return (authentication, context) -> {
            String header = context.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
            if (!metricsToken.isEmpty() && header != null
                    && MessageDigest.isEqual(expected, header.strip().getBytes(StandardCharsets.UTF_8))) {
                return new AuthorizationDecision(true);
            }
            return admin.authorize(authentication, context);
        };
    }

    /** DELETE /user/{user_id}: an admin, or the user themself with a fresh token. */
    static AuthorizationManager<RequestAuthorizationContext> selfWithFreshTokenOrAdmin(String userIdVariable) {
        return rule((caller, context) -> {
            if (caller.admin()) {
                return null;
            }
            if (!isSelf(caller, context.getVariables().get(userIdVariable))) {
                return AuthFailure.FORBIDDEN;
            }
            return caller.fresh() ? null : AuthFailure.FRESH_TOKEN_REQUIRED;
        });
    }

    private static boolean isSelf(AuthenticatedUser caller, String userId) {
        return userId != null && userId.matches("\\d{1,18}") && Long.parseLong(userId) == caller.userId();
    }

    /**
     * A rule for callers with a token: it returns why it denies, or null to allow. Anonymous
     * callers are denied with no reason, so the entry point asks for a token instead.
     */
    private static AuthorizationManager<RequestAuthorizationContext> rule(
            BiFunction<AuthenticatedUser, RequestAuthorizationContext, AuthFailure> failureOf) {
        return (authentication, context) -> {
            if (!(authentication.get().getPrincipal() instanceof AuthenticatedUser caller)) {
                return new AuthorizationDecision(false);
            }
            AuthFailure failure = failureOf.apply(caller, context);
            return failure == null ? new AuthorizationDecision(true) : new Refusal(failure);
        };
    }
}
