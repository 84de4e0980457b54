package dev.storesapi.auth;

import dev.storesapi.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Why a request was not authenticated or not allowed: the auth failure table of README "Authentication". */
public enum AuthFailure {
    AUTHORIZATION_REQUIRED(HttpStatus.UNAUTHORIZED, "authorization_required", "Request does not contain an access token."),
    INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "invalid_token", "Signature verification failed."),
    TOKEN_EXPIRED(HttpStatus.UNAUTHORIZED, "token_expired", "The token has expired."),
    TOKEN_REVOKED(HttpStatus.UNAUTHORIZED, "token_revoked", "The token has been revoked."),
    FRESH_TOKEN_REQUIRED(HttpStatus.UNAUTHORIZED, "fresh_token_required", "The token is not fresh."),
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED, "invalid_credentials", "Invalid credentials."),
    ADMIN_REQUIRED(HttpStatus.FORBIDDEN, "admin_required", "Admin privilege required."),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "You may only act on your own account.");

    private final HttpStatus status;
    private final String code;
    private final String detail;

    AuthFailure(HttpStatus status, String code, String detail) {
        this.status = status;
        this.code = code;
        this.detail = detail;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    /** The problem+json for this failure, with its own {@code error} code rather than the status's. */
    public ProblemDetail toProblem(String path) {
        ProblemDetail problem = Problems.of(status, detail, path);
        problem.setProperty("error", code);
        return problem;
    }
}
