package dev.storesapi.error;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error the API answers with a problem+json (docs/api.md "Errors"). Each subclass declares its
 * status and its stable {@code error} code, so the code a failure gets is one look at the
 * exception thrown. web/ApiExceptionHandler writes it, as it writes every problem.
 */
public abstract class ApiException extends ErrorResponseException {

    protected ApiException(HttpStatus status, String code, String detail) {
        this(status, code, detail, null);
    }

    /**
     * With the failure that led to this answer (as Spring's {@code ErrorResponseException} takes it):
     * never shown to the client, kept for the log (web/ApiExceptionHandler names the constraint).
     */
    protected ApiException(HttpStatus status, String code, String detail, @Nullable Throwable cause) {
        super(status, problem(status, code, detail), cause);
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("error", code);
        return problem;
    }

    /** The detail alone, as the client reads it (the default also names the status). */
    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    /** An answer, not a bug, and some come in floods (429, 503): no stack trace to fill. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
