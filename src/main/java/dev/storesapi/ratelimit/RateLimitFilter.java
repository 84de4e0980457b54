package dev.storesapi.ratelimit;

import dev.storesapi.idempotency.IdempotentRepeats;
import dev.storesapi.web.FilterOrder;
import dev.storesapi.web.ProblemResponder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * The per-client-IP limits on POST /login, /register and /refresh, applied before the security chain
 * and the controllers ({@link FilterOrder#RATE_LIMIT}: no body read, no token checked, no password
 * hashed), and after the observation filter, so a 429 is timed. The client IP is the connection's
 * address; behind Render's proxy (prod profile) Tomcat takes it from X-Forwarded-For, and only when
 * the connection comes from a trusted proxy address (docs/security.md). A sign-up that repeats an
 * Idempotency-Key its address has used writes nothing, and is not counted.
 */
@Component
@Order(FilterOrder.RATE_LIMIT)
class RateLimitFilter extends OncePerRequestFilter {

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final RateLimiter limiter;
    private final RateLimitProperties limits;
    private final ProblemResponder problems;
    private final IdempotentRepeats repeats;

    RateLimitFilter(RateLimiter limiter, RateLimitProperties limits, ProblemResponder problems,
            IdempotentRepeats repeats) {
        this.limiter = limiter;
        this.limits = limits;
        this.problems = problems;
        this.repeats = repeats;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Decoded, as Spring Security and MVC match it: /%6Cogin is /login too.
        String path = PATHS.getPathWithinApplication(request);
        RateLimit limit = switch (path) {
            case "/login" -> limits.loginPerIp();
            case "/register" -> limits.registerPerIp();
            case "/refresh" -> limits.refreshPerIp();
            default -> null;
        };
        if (limit != null && !("/register".equals(path) && repeats.isSignUpRepeat(request))) {
            try {
                limiter.acquire(path.substring(1) + "-ip", limit, clientKey(request.getRemoteAddr()));
            } catch (RateLimitedException limited) {
                problems.respond(request, response, limited);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** An IPv4 address, or the /64 network of an IPv6 one: a single client usually has a whole /64. */
    static String clientKey(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
