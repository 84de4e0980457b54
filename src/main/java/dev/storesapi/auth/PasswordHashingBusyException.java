package dev.storesapi.auth;

import dev.storesapi.error.ServiceUnavailableException;

/** Every password-hashing slot stayed busy for the whole wait: a flood of sign-ins or sign-ups. */
public class PasswordHashingBusyException extends ServiceUnavailableException {

    public static final String DETAIL = "Too many sign-ins at once. Try again in a moment.";

    PasswordHashingBusyException() {
        super(DETAIL, 1);
    }
}
