package dev.storesapi.error;

import org.springframework.http.HttpStatus;

/** A conditional write whose If-Match no longer holds: the resource changed meanwhile, or is gone. */
public class PreconditionFailedException extends ApiException {

    public static final String CODE = "precondition_failed";

    public PreconditionFailedException(String detail) {
        super(HttpStatus.PRECONDITION_FAILED, CODE, detail);
    }
}
