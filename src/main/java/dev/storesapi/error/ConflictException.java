package dev.storesapi.domain;

/** The request conflicts with the current state, e.g. a duplicate name (HTTP 409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
