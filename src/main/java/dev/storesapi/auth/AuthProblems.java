package dev.storesapi.auth;

import dev.storesapi.web.ProblemResponder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Turns the security chain's refusals into {@link AuthFailureException}s (docs/api.md
 * "Authentication"), answered like every other error. Security errors never reach Spring MVC, so
 * the entry point (no usable token) and the access-denied handler (a token without the right)
 * hand them over here.
 */
final class AuthProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemResponder problems;

    AuthProblems(ProblemResponder problems) {
        this.problems = problems;
    }

    /** The route needs a token and the request has none that works: say why. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) {
        AuthFailure failure = ex.getAuthenticationRequest() instanceof RefusedToken refused
                ? refused.failure()
                : AuthFailure.AUTHORIZATION_REQUIRED;
        problems.respond(request, response, new AuthFailureException(failure));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex) {
        AuthFailure failure = ex instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof AccessRules.Refusal refusal
                ? refusal.failure()
                : AuthFailure.FORBIDDEN;
        problems.respond(request, response, new AuthFailureException(failure));
    }
}
