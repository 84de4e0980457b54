package dev.storesapi.auth;

import java.util.Optional;
import org.springframework.http.HttpStatus;

/** Why a request was not authenticated or not allowed: the failure table of docs/api.md "Authentication". */
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

    /**
     * RFC 6750's WWW-Authenticate for a 401 about the bearer token: what a token client must fix.
     * A wrong password at /login is no token failure, and a 403 needs no other token.
     */
    Optional<String> challenge() {
        if (status != HttpStatus.UNAUTHORIZED || this == INVALID_CREDENTIALS) {
            return Optional.empty();
        }
        return Optional.of(this == AUTHORIZATION_REQUIRED
                ? "Bearer"
                : "Bearer error=\"invalid_token\", error_description=\"" + detail + "\"");
    }
}
