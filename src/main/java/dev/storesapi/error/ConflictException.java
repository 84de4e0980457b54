package dev.storesapi.error;

import org.springframework.http.HttpStatus;

/** The request conflicts with the current state, e.g. a duplicate name. */
public class ConflictException extends ApiException {

    public static final String CODE = "conflict";

    public ConflictException(String detail) {
        super(HttpStatus.CONFLICT, CODE, detail);
    }

    /** With what the database refused (a unique constraint that fired, say), for the log. */
    public ConflictException(String detail, Throwable cause) {
        super(HttpStatus.CONFLICT, CODE, detail, cause);
    }
}
