package dev.storesapi.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.function.Supplier;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Tomcat's error page, for the requests Tomcat rejects before Spring sees them (an invalid
 * percent-encoding in the path, for one): a problem written by {@link ApiExceptionHandler} instead
 * of Tomcat's HTML report, which also named the server version. Installed by {@link ProblemErrorPages}.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private final Supplier<ProblemResponder> problems;
    private final Supplier<ServletContext> application;

    /** The responder is looked up at the first error: the valve is made before the application's beans. */
    ProblemErrorReportValve(Supplier<ProblemResponder> problems, Supplier<ServletContext> application) {
        this.problems = problems;
        this.application = application;
    }

    static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request line, path or headers are malformed.";
            case 404 -> "No endpoint matches this request.";
            case 500 -> "An unexpected error occurred.";
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield known == null ? "The request could not be processed." : known.getReasonPhrase() + ".";
            }
        };
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // Same guards as Tomcat's own report: only errors, only once, never over a written body.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            problems.get().respond(new QuotedPath(request, application.get()), response,
                    Problems.exception(HttpStatusCode.valueOf(status), detailFor(status)));
        } catch (RuntimeException unusable) {
            // The client is gone or the response is unusable: nothing left to report to.
        }
    }

    /**
     * The rejected path, quoted so that Spring MVC can decode it while it writes the problem, and the
     * application's servlet context: a request Tomcat rejects reaches no context of its own, and Spring
     * MVC asks it for media types (a NullPointerException and a 30-line warning per request otherwise).
     */
    private static final class QuotedPath extends HttpServletRequestWrapper {

        private final ServletContext application;

        QuotedPath(HttpServletRequest request, ServletContext application) {
            super(request);
            this.application = application;
        }

        @Override
        public ServletContext getServletContext() {
            return application;
        }

        @Override
        public String getRequestURI() {
            String path = super.getRequestURI();
            return path == null ? "/" : Problems.quoted(path);
        }
    }
}
