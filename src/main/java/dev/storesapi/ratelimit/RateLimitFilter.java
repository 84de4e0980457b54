package dev.storesapi.ratelimit;

import dev.storesapi.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The per-client-IP limits on POST /login, /register and /refresh, applied before anything else
 * runs (no body read, no token checked, no password hashed). The client IP is the connection's
 * address; behind Render's proxy (prod profile) Tomcat takes it from X-Forwarded-For, and only when
 * the connection comes from a trusted proxy address (README "Security").
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final RateLimitProperties limits;
    private final Problems problems;

    RateLimitFilter(RateLimiter limiter, RateLimitProperties limits, Problems problems) {
        this.limiter = limiter;
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        RateLimit limit = switch (path) {
            case "/login" -> limits.loginPerIp();
            case "/register" -> limits.registerPerIp();
            case "/refresh" -> limits.refreshPerIp();
            default -> null;
        };
        if (limit != null) {
            try {
                limiter.acquire(path.substring(1) + "-ip", limit, request.getRemoteAddr());
            } catch (RateLimitedException e) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
                problems.write(request, response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, RateLimitedException.DETAIL, null));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
