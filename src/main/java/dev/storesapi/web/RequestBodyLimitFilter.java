package dev.storesapi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects request bodies over 1 MiB with a 413 problem (docs/api.md "Errors"). A declared Content-Length is
 * refused before anything is read; a chunked body is counted while it is read, and reading past the
 * limit throws {@link PayloadTooLargeException}, which the exception handler turns into a 413.
 * (Tomcat's own limits only cover form posts.) It wraps the request right after the observation filter
 * ({@link FilterOrder#BODY_LIMIT}), so every later reader is limited and a 413 is still timed.
 */
@Component
@Order(FilterOrder.BODY_LIMIT)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    public static final long MAX_BODY_BYTES = 1024 * 1024;
    /** The 413's detail, wherever the limit is met (here, or while Jackson reads a body of no declared length). */
    public static final String DETAIL = "The request body must not exceed " + MAX_BODY_BYTES / (1024 * 1024) + " MiB.";

    private final ProblemResponder problems;

    RequestBodyLimitFilter(ProblemResponder problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            problems.respond(request, response, Problems.exception(HttpStatus.CONTENT_TOO_LARGE, DETAIL));
            return;
        }
        chain.doFilter(new LimitedRequest(request), response);
    }

    /** Thrown when a body without a declared length grows past the limit. */
    public static final class PayloadTooLargeException extends IOException {
        PayloadTooLargeException() {
            super(DETAIL);
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream());
            }
            return limited;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private long read;

        LimitedInputStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b != -1) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            read += n;
            if (read > MAX_BODY_BYTES) {
                throw new PayloadTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
