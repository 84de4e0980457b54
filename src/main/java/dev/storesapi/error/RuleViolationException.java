package dev.storesapi.error;

import org.springframework.http.HttpStatus;

/**
 * A well-formed request breaks a rule that spans several fields or resources. It shares its code
 * with invalid fields: both are input the API cannot accept.
 */
public class RuleViolationException extends ApiException {

    public static final String CODE = "validation_failed";

    public RuleViolationException(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, CODE, detail);
    }
}
