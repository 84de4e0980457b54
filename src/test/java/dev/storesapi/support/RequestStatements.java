package dev.storesapi.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the SQL statements Hibernate prepares for one request, and only for it: a request with
 * the header {@value #HEADER} is counted on its own thread, so that background work (the outbox
 * sweep, the session purge) on other threads never adds to it. Hibernate creates the inspector
 * (IntegrationTest names it), Spring the filter; they share the counts. It runs just outside the
 * security chain, whose token checks read the database too, at an order no other filter has
 * (web/FilterOrderIT).
 */
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
public class RequestStatements extends OncePerRequestFilter implements StatementInspector {

    public static final String HEADER = "X-Test-Count-Statements";

    private static final ThreadLocal<AtomicLong> CURRENT = new ThreadLocal<>();
    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

    /** The statements of the request sent with {@code HEADER: id}. */
    public static long of(String id) {
        AtomicLong count = COUNTS.get(id);
        return count == null ? 0 : count.get();
    }

    @Override
    public String inspect(String sql) {
        AtomicLong count = CURRENT.get();
        if (count != null) {
            count.incrementAndGet();
        }
        return sql;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getHeader(HEADER);
        if (id == null) {
            chain.doFilter(request, response);
            return;
        }
        CURRENT.set(COUNTS.computeIfAbsent(id, ignored -> new AtomicLong()));
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
        }
    }
}
