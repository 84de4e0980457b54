package dev.storesapi.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers an error raised where no controller runs (a servlet filter, the security chain, Tomcat
 * itself) through Spring MVC's exception resolvers, so that {@link ApiExceptionHandler} writes it
 * like every other problem: one place decides a problem's body, code and headers.
 */
@Component
public class ProblemResponder {

    /** Looked up at the first error: a worker (no web server) has none, and never needs one. */
    private final ObjectProvider<HandlerExceptionResolver> resolvers;

    ProblemResponder(@Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> resolvers) {
        this.resolvers = resolvers;
    }

    public void respond(HttpServletRequest request, HttpServletResponse response, Exception error) {
        if (resolvers.getObject().resolveException(request, response, null, error) == null) {
            // ApiExceptionHandler handles Exception itself, so this means it is missing.
            throw new IllegalStateException("No exception handler answered " + error.getClass().getName(), error);
        }
    }
}
