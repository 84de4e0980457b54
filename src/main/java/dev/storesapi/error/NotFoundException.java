package dev.storesapi.domain;

/** A resource the request names does not exist (HTTP 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
