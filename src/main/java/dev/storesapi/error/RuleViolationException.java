package dev.storesapi.domain;

/** A well-formed request breaks a rule that spans several fields or resources (HTTP 422). */
public class RuleViolationException extends RuntimeException {

    public RuleViolationException(String detail) {
        super(detail);
    }
}
