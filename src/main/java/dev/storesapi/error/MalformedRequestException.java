package dev.storesapi.error;

import org.springframework.http.HttpStatus;

/** A request the API cannot read, such as a header that breaks its own syntax. */
public class MalformedRequestException extends ApiException {

    public static final String CODE = "malformed_request";

    public MalformedRequestException(String detail) {
        super(HttpStatus.BAD_REQUEST, CODE, detail);
    }
}
