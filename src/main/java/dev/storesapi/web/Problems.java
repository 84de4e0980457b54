package dev.storesapi.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds every RFC 9457 problem the API returns, and writes it where Spring MVC's exception
 * handling cannot reach (servlet filters, and the security entry point).
 */
@Component
public class Problems {

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private final JsonMapper jsonMapper;

    Problems(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public static ProblemDetail of(HttpStatusCode status, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return decorate(problem, instance);
    }

    /** Adds the documented {@code error} code and the request path to a problem built elsewhere. */
    public static ProblemDetail decorate(ProblemDetail problem, String instance) {
        HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
        if (problem.getType() == null) {
            problem.setType(ABOUT_BLANK);
        }
        if (problem.getTitle() == null && HttpStatus.resolve(status.value()) != null) {
            problem.setTitle(HttpStatus.valueOf(status.value()).getReasonPhrase());
        }
        if (problem.getInstance() == null && instance != null) {
            problem.setInstance(URI.create(instance));
        }
        if (problem.getProperties() == null || !problem.getProperties().containsKey("error")) {
            problem.setProperty("error", ProblemCodes.forStatus(status));
        }
        return problem;
    }

    public static ProblemDetail validationFailed(String detail, Map<String, List<String>> errors, String instance) {
        ProblemDetail problem = of(HttpStatus.UNPROCESSABLE_CONTENT, detail, instance);
        problem.setProperty("errors", errors);
        return problem;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        decorate(problem, request.getRequestURI());
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        jsonMapper.writeValue(response.getOutputStream(), problem);
    }
}
