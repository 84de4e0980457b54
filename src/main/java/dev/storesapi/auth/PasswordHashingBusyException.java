package dev.storesapi.auth;

/** Every password-hashing slot stayed busy for the whole wait: answered 503 with Retry-After. */
public class PasswordHashingBusyException extends RuntimeException {

    public static final String DETAIL = "Too many sign-ins at once. Try again in a moment.";

    PasswordHashingBusyException() {
        super(DETAIL, null, false, false);
    }
}
