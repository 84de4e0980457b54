package dev.storesapi.web;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.core.Ordered;

/**
 * The order of every servlet filter of the application ({@code @Order(FilterOrder.X)} on each), placed
 * between Spring Boot's own filters. A request passes them in this order:
 * <ol>
 * <li>Boot's {@code CharacterEncodingFilter}, {@link Ordered#HIGHEST_PRECEDENCE};</li>
 * <li>Boot's {@code ServerHttpObservationFilter} (http.server.requests), {@link #OBSERVATION};</li>
 * <li>{@link #BODY_LIMIT}, {@link #REQUEST_SYNTAX}, {@link #RATE_LIMIT}: the cheap refusals;</li>
 * <li>Boot's {@code FormContentFilter} ({@link OrderedFormContentFilter#DEFAULT_ORDER}) and
 * {@code RequestContextFilter} (-105);</li>
 * <li>Spring Security's filter chain ({@link SecurityFilterProperties#DEFAULT_FILTER_ORDER}), with
 * {@code auth/JwtAuthenticationFilter} inside it;</li>
 * <li>{@link #ACTUATOR_NOT_FOUND}, {@link #CATALOG_CACHE}, {@link #IDEMPOTENCY}: what only authorised
 * requests reach;</li>
 * <li>Tomcat's {@code WsFilter}; then the DispatcherServlet.</li>
 * </ol>
 * Filters with the same order run in no defined order, so no two share one; {@code web/FilterOrderIT}
 * checks the whole list in the running application, and docs/architecture.md draws it. The
 * positions after the security chain assume its default order ({@code spring.security.filter.order}
 * is not set).
 */
public final class FilterOrder {

    /**
     * Boot's ServerHttpObservationFilter: {@code WebMvcObservationAutoConfiguration} sets it, with no
     * constant or property for it; FilterOrderIT fails if that ever changes.
     */
    static final int OBSERVATION = Ordered.HIGHEST_PRECEDENCE + 1;

    /** After the observation filter so a 413 is counted; before anything reads the body (forms, MVC). */
    public static final int BODY_LIMIT = OBSERVATION + 1;

    /** After the observation filter so a 400 or 415 is counted; before FormContentFilter parses a form body. */
    public static final int REQUEST_SYNTAX = OBSERVATION + 2;

    /** Before the security chain: a refused sign-in costs no token check and no password hash. */
    public static final int RATE_LIMIT = OBSERVATION + 3;

    /** After the security chain: only the empty 404s of authorised actuator requests are rewritten. */
    public static final int ACTUATOR_NOT_FOUND = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10;

    /** After the security chain so that only GETs it has authorised are answered from the cache. */
    public static final int CATALOG_CACHE = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 20;

    /**
     * After the security chain, which tells whose Idempotency-Key it is; its transaction holds the
     * request's write and the stored answer.
     */
    public static final int IDEMPOTENCY = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 30;

    private FilterOrder() {
    }
}
