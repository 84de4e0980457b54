package dev.storesapi.web;

import dev.storesapi.error.BrokenConstraint;
import dev.storesapi.error.ServiceUnavailableException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponseException;
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
 * The one place where errors become RFC 9457 problems with their {@code error} code (docs/api.md
 * "Errors"), whatever raised them: controllers, servlet filters and the security chain (through
 * {@link ProblemResponder}), the /error page ({@link ErrorPathController}) and Tomcat
 * ({@link ProblemErrorReportValve}).
 * <ul>
 * <li>The API's own exceptions ({@link dev.storesapi.error.ApiException}) carry status, code,
 * detail and headers, and {@link ResponseEntityExceptionHandler} answers them as it answers every
 * {@code ErrorResponse}, Spring MVC's own (405, 415, 400...) included.</li>
 * <li>Request-body problems are sorted into 400 (unreadable) and 422 (readable JSON with invalid
 * fields) by {@link InvalidInput}.</li>
 * </ul>
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final DatabaseAvailability database;

    ApiExceptionHandler(DatabaseAvailability database) {
        this.database = database;
    }

    /** A constraint the services did not foresee, e.g. a row deleted by a concurrent request. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrityViolated(DataIntegrityViolationException ex, HttpServletRequest request) {
        // The constraint's kind and name, not the database's message: PostgreSQL's quotes the row's
        // values ("Key (email_key)=(...) already exists"), and the log holds no user's data.
        log.info("Constraint violation on {} {}: {}", request.getMethod(), path(request), BrokenConstraint.of(ex));
        return respond(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The request conflicts with the current state of the data."), HttpHeaders.EMPTY,
                new ServletWebRequest(request));
    }

    /**
     * Spring Security's firewall checks a header's value when it is read: one read by a controller
     * (If-Match, say) with a control character in it ends here, not in the security chain.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException ex, HttpServletRequest request) {
        return respond(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has a header value that is not allowed."), HttpHeaders.EMPTY, new ServletWebRequest(request));
    }

    /** Anything else is a 500 with a trace id, unless it is the database being unreachable (a 503). */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
        WebRequest web = new ServletWebRequest(request);
        if (database.isUnreachable(ex)) {
            database.failed(request.getMethod() + " " + path(request), ex);
            ServiceUnavailableException unavailable = new ServiceUnavailableException(DatabaseAvailability.DETAIL, 5);
            return respond(unavailable.getBody(), unavailable.getHeaders(), web);
        }
        String traceId = UUID.randomUUID().toString();
        log.error("Unhandled error on {} {} trace_id={}", request.getMethod(), path(request), traceId, ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred. Quote the trace_id when you report it.");
        problem.setProperty("trace_id", traceId);
        return respond(problem, HttpHeaders.EMPTY, web);
    }

    /**
     * The API's own exceptions, Spring MVC's included. One that a refused write led to (a race the
     * database's constraint decided: a name taken, a store deleted meanwhile) names the constraint,
     * as the generic {@link #integrityViolated} does; the client sees the documented answer only.
     */
    @Override
    protected ResponseEntity<Object> handleErrorResponseException(ErrorResponseException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof DataIntegrityViolationException refused) {
            log.info("{} on {} {}: {} ({})", status.value(), method(request), path(request), ex.getMessage(),
                    BrokenConstraint.of(refused));
        }
        return super.handleErrorResponseException(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(InvalidInput.fromUnreadableBody(ex, path(request)), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        boolean body = ex.getParameter().hasParameterAnnotation(RequestBody.class);
        return respond(InvalidInput.fromErrors(body, ex.getBindingResult().getAllErrors(), path(request)), headers,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(InvalidInput.fromParameterResults(ex.getParameterValidationResults(), path(request)), headers,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return respond(InvalidInput.fromTypeMismatch(ex, path(request)), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = "No endpoint " + ex.getHttpMethod() + " /" + ex.getResourcePath() + ".";
        return respond(Problems.of(HttpStatus.NOT_FOUND, detail, path(request)), headers, request);
    }

    /** Every problem built by {@link ResponseEntityExceptionHandler} gets the documented extra fields here. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Problems.decorate(problem, path(request));
            // problem+json whatever the Accept header says, even when it cannot be read at all:
            // negotiating would leave such a client with an empty error.
            HttpHeaders problemHeaders = HttpHeaders.copyOf(headers);
            problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return super.createResponseEntity(body, problemHeaders, statusCode, request);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers, WebRequest request) {
        return createResponseEntity(problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private static String method(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getMethod() : null;
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? path(servlet.getRequest()) : null;
    }

    /** The path the client asked for, also while /error renders its error. */
    private static String path(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original
                ? original
                : request.getRequestURI();
    }
}
