package dev.storesapi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Conditional GETs of the public catalog (README "Caching and conditional requests"): a strong
 * {@code ETag} (a hash of the response bytes) on every successful GET of a store, item or tag, or
 * of their lists (not HEAD: the servlet drops its body before this filter could hash it); {@code If-None-Match} with a current tag gets 304 and no body. With
 * {@code Cache-Control: no-cache}, clients and proxies may keep a copy but must revalidate it, so
 * nobody reads a stale catalog. Other responses keep Spring Security's no-store.
 */
@Component
public class ConditionalGetFilter extends ShallowEtagHeaderFilter {

    private static final Pattern CATALOG = Pattern.compile("/(store|item|tag)(/[^/]*)*");

    /** Whether GETs of this path (a request path or an OpenAPI path template) are conditional. */
    public static boolean appliesTo(String path) {
        return CATALOG.matcher(path).matches();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !appliesTo(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Set before the response commits, so Spring Security's no-store (which would rule out an ETag) is not added.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        super.doFilterInternal(request, response, chain);
    }
}
