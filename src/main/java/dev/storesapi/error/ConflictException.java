package dev.storesapi.error;

import org.springframework.http.HttpStatus;

/** The request conflicts with the current state, e.g. a duplicate name. */
public class ConflictException extends ApiException {

    public static final String CODE = "conflict";

    public ConflictException(String detail) {
        super(HttpStatus.CONFLICT, CODE, detail);
    }
}
