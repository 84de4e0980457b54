package dev.storesapi.web;

import dev.storesapi.auth.AuthenticationFailedException;
import dev.storesapi.auth.PasswordHashingBusyException;
import dev.storesapi.domain.ConflictException;
import dev.storesapi.domain.NotFoundException;
import dev.storesapi.domain.RuleViolationException;
import dev.storesapi.ratelimit.RateLimitedException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where exceptions become RFC 9457 problems with the documented {@code error} code
 * (README "Errors"). Spring MVC's own exceptions (405, 415, 400...) come through
 * {@link ResponseEntityExceptionHandler}; request-body problems are sorted into 400 (unreadable)
 * and 422 (readable JSON with invalid fields) by {@link InvalidInput}.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final DatabaseAvailability database;

    ApiExceptionHandler(DatabaseAvailability database) {
        this.database = database;
    }

    /** The services' domain exceptions carry the documented detail text; only the status is chosen here. */
    @ExceptionHandler({NotFoundException.class, ConflictException.class, RuleViolationException.class})
    ProblemDetail domainRuleBroken(RuntimeException ex, HttpServletRequest request) {
        HttpStatus status = switch (ex) {
            case NotFoundException notFound -> HttpStatus.NOT_FOUND;
            case ConflictException conflict -> HttpStatus.CONFLICT;
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return Problems.of(status, ex.getMessage(), request.getRequestURI());
    }

    /** A login with wrong credentials (token failures are answered by the security filter chain). */
    @ExceptionHandler(AuthenticationFailedException.class)
    ProblemDetail authenticationFailed(AuthenticationFailedException ex, HttpServletRequest request) {
        return ex.failure().toProblem(request.getRequestURI());
    }

    /** A sign-in limit per username (README "Security"); the per-IP limits are answered by RateLimitFilter. */
    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException ex, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage(), request.getRequestURI()));
    }

    /** Every password-hashing slot stayed busy for the whole wait: a flood of sign-ins or sign-ups. */
    @ExceptionHandler(PasswordHashingBusyException.class)
    ResponseEntity<ProblemDetail> hashingBusy(PasswordHashingBusyException ex, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage(), request.getRequestURI()));
    }

    /** A constraint the services did not foresee, e.g. a row deleted by a concurrent request. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrityViolated(DataIntegrityViolationException ex, HttpServletRequest request) {
        log.info("Constraint violation on {} {}: {}", request.getMethod(), request.getRequestURI(),
                ex.getMostSpecificCause().getMessage());
        return Problems.of(HttpStatus.CONFLICT, "The request conflicts with the current state of the data.",
                request.getRequestURI());
    }

    /** Anything else is a 500 with a trace id, unless it is the database being unreachable (a 503). */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
        if (database.isUnreachable(ex)) {
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
            ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, DatabaseAvailability.DETAIL,
                    request.getRequestURI());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(problem);
        }
        String traceId = UUID.randomUUID().toString();
        log.error("Unhandled error on {} {} trace_id={}", request.getMethod(), request.getRequestURI(), traceId, ex);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred. Quote the trace_id when you report it.", request.getRequestURI());
        problem.setProperty("trace_id", traceId);
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(InvalidInput.fromUnreadableBody(ex, path(request)), headers);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        boolean body = ex.getParameter().hasParameterAnnotation(RequestBody.class);
        return respond(InvalidInput.fromErrors(body, ex.getBindingResult().getAllErrors(), path(request)), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(InvalidInput.fromParameterResults(ex.getParameterValidationResults(), path(request)), headers);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return respond(InvalidInput.fromTypeMismatch(ex, path(request)), headers);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = "No endpoint " + ex.getHttpMethod() + " /" + ex.getResourcePath() + ".";
        return respond(Problems.of(HttpStatus.NOT_FOUND, detail, path(request)), headers);
    }

    /** Every problem built by {@link ResponseEntityExceptionHandler} gets the documented extra fields here. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Problems.decorate(problem, path(request));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    }
}
