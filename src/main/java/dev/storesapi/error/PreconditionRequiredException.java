package dev.storesapi.error;

import org.springframework.http.HttpStatus;

/** A write without If-Match where the service requires one (REQUIRE_IF_MATCH). */
public class PreconditionRequiredException extends ApiException {

    public static final String CODE = "precondition_required";

    public PreconditionRequiredException(String detail) {
        super(HttpStatus.PRECONDITION_REQUIRED, CODE, detail);
    }
}
