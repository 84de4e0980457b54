package dev.storesapi.web;

import dev.storesapi.error.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's /error page. Errors raised outside Spring MVC (a servlet filter that
 * fails, the security firewall rejecting {@code //} or {@code ;} in a path) land here, and are
 * raised again for {@link ApiExceptionHandler} to answer like every other error.
 */
@Hidden
@RestController
class ErrorPathController implements ErrorController {

    @RequestMapping("/error")
    void error(HttpServletRequest request) throws Exception {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status)) {
            // Someone asked for /error itself.
            throw new NotFoundException("No endpoint GET /error.");
        }
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Exception exception && code.is5xxServerError()) {
            // e.g. the database gone during the authentication filter's session lookup: a 503, not a 500
            throw exception;
        }
        if (code.is5xxServerError() && failure != null || status == 500) {
            // An Error, or a 500 with no exception at all: logged, and answered with a trace id.
            throw new IllegalStateException("The request failed with status " + status, (Throwable) failure);
        }
        throw Problems.exception(code, ProblemErrorReportValve.detailFor(status));
    }
}
