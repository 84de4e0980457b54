package dev.storesapi.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's /error page so that errors raised outside Spring MVC (a servlet filter
 * that fails, the security firewall rejecting {@code //} or {@code ;} in a path) are problem+json
 * like every other error.
 */
@Hidden
@RestController
class ErrorPathController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPathController.class);

    private final DatabaseAvailability database;

    ErrorPathController(DatabaseAvailability database) {
        this.database = database;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status)) {
            // Someone asked for /error itself.
            return respond(Problems.of(HttpStatus.NOT_FOUND, "No endpoint GET /error.", "/error"));
        }
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : null;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure != null && database.isUnreachable(failure)) {
            // e.g. the session lookup of the authentication filter, before any controller ran
            log.warn("Database unavailable on {}: {}", path, failure.getMessage());
            return respond(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, DatabaseAvailability.DETAIL, path));
        }
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        ProblemDetail problem = Problems.of(code, ProblemErrorReportValve.detailFor(status), path);
        if (code.is5xxServerError()) {
            String traceId = UUID.randomUUID().toString();
            log.error("Unhandled error on {} trace_id={}", path, traceId, failure);
            problem.setProperty("trace_id", traceId);
        }
        return respond(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
