package dev.storesapi.auth;

import dev.storesapi.error.ApiException;
import org.springframework.http.HttpHeaders;

/** A token, a login or an access refused for an {@link AuthFailure}, which gives the status and code. */
public class AuthFailureException extends ApiException {

    private final AuthFailure failure;

    public AuthFailureException(AuthFailure failure) {
        super(failure.status(), failure.code(), failure.detail());
        this.failure = failure;
        failure.challenge().ifPresent(challenge -> getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge));
    }

    public AuthFailure failure() {
        return failure;
    }
}
