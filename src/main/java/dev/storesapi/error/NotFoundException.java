package dev.storesapi.error;

import org.springframework.http.HttpStatus;

/** A resource the request names does not exist. */
public class NotFoundException extends ApiException {

    public static final String CODE = "not_found";

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, CODE, detail);
    }

    /** With what the database refused (a foreign key that fired, say), for the log. */
    public NotFoundException(String detail, Throwable cause) {
        super(HttpStatus.NOT_FOUND, CODE, detail, cause);
    }
}
