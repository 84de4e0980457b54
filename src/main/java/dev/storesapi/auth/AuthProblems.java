package dev.storesapi.auth;

import dev.storesapi.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Writes the auth failures of README "Authentication" as problem+json. Security errors never reach the
 * MVC exception handler, so the entry point (no usable token) and the access-denied handler
 * (a token without the right) write them here, with the same {@link Problems} as everything else.
 */
final class AuthProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Problems problems;

    AuthProblems(Problems problems) {
        this.problems = problems;
    }

    /** The route needs a token and the request has none that works: say why. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        AuthFailure failure = request.getAttribute(JwtAuthenticationFilter.FAILURE) instanceof AuthFailure refused
                ? refused
                : AuthFailure.AUTHORIZATION_REQUIRED;
        write(request, response, failure);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        AuthFailure failure = request.getAttribute(AccessRules.DENIED) instanceof AuthFailure denied
                ? denied
                : AuthFailure.FORBIDDEN;
        write(request, response, failure);
    }

    void write(HttpServletRequest request, HttpServletResponse response, AuthFailure failure) throws IOException {
        if (failure.status().value() == 401) {
            // RFC 6750: tell bearer-token clients what went wrong.
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, failure == AuthFailure.AUTHORIZATION_REQUIRED
                    ? "Bearer"
                    : "Bearer error=\"invalid_token\", error_description=\"" + failure.detail() + "\"");
        }
        problems.write(request, response, failure.toProblem(request.getRequestURI()));
    }
}
