package dev.storesapi.web;

import dev.storesapi.error.NotFoundException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UrlPathHelper;

/**
 * Actuator answers a health component it does not show ({@code /actuator/health/db} while details
 * are hidden) with a bare 404 and no body; this gives it the API's problem+json like every other 404.
 * It runs after the security chain ({@link FilterOrder#ACTUATOR_NOT_FOUND}), whose own refusals already
 * carry a problem, so it buffers only the responses of authorised actuator requests.
 */
@Component
@Order(FilterOrder.ACTUATOR_NOT_FOUND)
class ActuatorNotFoundFilter extends OncePerRequestFilter {

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final ProblemResponder problems;

    ActuatorNotFoundFilter(ProblemResponder problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATHS.getPathWithinApplication(request).startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        if (buffered.getStatus() == HttpStatus.NOT_FOUND.value() && buffered.getContentSize() == 0
                && !response.isCommitted()) {
            response.resetBuffer(); // not reset(): keeps the headers set so far
            problems.respond(request, response,
                    new NotFoundException("No endpoint " + request.getMethod() + " " + request.getRequestURI() + "."));
            return;
        }
        buffered.copyBodyToResponse();
    }
}
