package dev.storesapi.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error page, for the requests Tomcat rejects before Spring sees them (an invalid
 * percent-encoding in the path, for one): problem+json instead of Tomcat's HTML report, which
 * also named the server version. Installed by {@link ProblemErrorPages}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.resolve(status) == null ? "Error" : HttpStatus.valueOf(status).getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detailFor(status));
        problem.put("instance", request.getRequestURI());
        problem.put("error", ProblemCodes.forStatus(code));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            OutputStream out = response.getOutputStream();
            out.write(JSON.writeValueAsBytes(problem));
            out.flush();
        } catch (IOException | IllegalStateException ignored) {
            // The client is gone or the response is unusable: nothing left to report to.
        }
    }
}
