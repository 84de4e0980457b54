package dev.storesapi.auth;

/** A token or a login was refused; carries the documented reason. */
public class AuthenticationFailedException extends RuntimeException {

    private final AuthFailure failure;

    public AuthenticationFailedException(AuthFailure failure) {
        super(failure.detail());
        this.failure = failure;
    }

    public AuthFailure failure() {
        return failure;
    }
}
