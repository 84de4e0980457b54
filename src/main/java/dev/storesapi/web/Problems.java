package dev.storesapi.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Builds the RFC 9457 problems of errors that are not an {@link dev.storesapi.error.ApiException}
 * (Spring MVC's own, the filters' and Tomcat's); {@link ApiExceptionHandler} writes them all.
 */
final class Problems {

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private Problems() {
    }

    static ProblemDetail of(HttpStatusCode status, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return decorate(problem, instance);
    }

    /** For a servlet filter: the error to hand to {@link ProblemResponder}. */
    static ErrorResponseException exception(HttpStatusCode status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    /** Adds the documented {@code error} code of the status, title and request path where they are missing. */
    static ProblemDetail decorate(ProblemDetail problem, String instance) {
        HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
        if (problem.getType() == null) {
            problem.setType(ABOUT_BLANK);
        }
        if (problem.getTitle() == null && HttpStatus.resolve(status.value()) != null) {
            problem.setTitle(HttpStatus.valueOf(status.value()).getReasonPhrase());
        }
        if (problem.getInstance() == null && instance != null) {
            problem.setInstance(URI.create(quoted(instance)));
        }
        if (problem.getProperties() == null || !problem.getProperties().containsKey("error")) {
            problem.setProperty("error", ProblemCodes.forStatus(status));
        }
        return problem;
    }

    /** The path as a URI reference, quoted where it is not one (Tomcat answers {@code /store/%zz} here). */
    static String quoted(String path) {
        try {
            return URI.create(path).toString();
        } catch (IllegalArgumentException malformed) {
            try {
                return new URI(null, null, path, null).toString();
            } catch (URISyntaxException unquotable) {
                return "/";
            }
        }
    }

    static ProblemDetail validationFailed(String detail, Map<String, List<String>> errors, String instance) {
        ProblemDetail problem = of(HttpStatus.UNPROCESSABLE_CONTENT, detail, instance);
        problem.setProperty("errors", errors);
        return problem;
    }
}
