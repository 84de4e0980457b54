package dev.storesapi.catalog.cache;

import dev.storesapi.web.EntityTags;
import dev.storesapi.web.FilterOrder;
import dev.storesapi.web.PagedResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * GETs of the public catalog (docs/api.md "Caching and conditional requests"), after Spring Security
 * has passed them ({@link FilterOrder#CATALOG_CACHE}): answered from {@link CatalogResponseCache} when
 * it holds a current copy for the path, query and Accept header, otherwise by the controllers, whose
 * 200s are then cached. Either way a 200 carries a strong {@code ETag} ({@link EntityTags}, the rule
 * that writes tag their answers with too), hashed from the body, its media type and the paging
 * headers ({@code X-Total-Count}, {@code Link}: a new store past a full page changes those, not the
 * body), and {@code Cache-Control: no-cache} (clients and proxies may keep a copy but must
 * revalidate it); {@code If-None-Match} with a
 * current tag gets 304 and no body. Errors are neither cached nor tagged and keep Spring Security's
 * no-store. HEAD is left alone (the servlet drops its body before this filter could hash it).
 */
@Component
@Order(FilterOrder.CATALOG_CACHE)
public class CatalogCacheFilter extends OncePerRequestFilter {

    private static final Pattern CATALOG = Pattern.compile("/(store|item|tag)(/[^/]*)*");
    private static final String STORE_ATTRIBUTE = CatalogCacheFilter.class.getName() + ".store";

    private final CatalogResponseCache cache;

    CatalogCacheFilter(CatalogResponseCache cache) {
        this.cache = cache;
    }

    /** Whether GETs of this path (a request path or an OpenAPI path template) are cached and conditional. */
    public static boolean appliesTo(String path) {
        return CATALOG.matcher(path).matches();
    }

    /**
     * Called by a controller whose response shows rows of one store only: it then stays cached while
     * other stores change. Without it a response counts as a list, stale after any catalog write.
     */
    public static void dependsOnStore(long storeId) {
        RequestContextHolder.currentRequestAttributes()
                .setAttribute(STORE_ATTRIBUTE, storeId, RequestAttributes.SCOPE_REQUEST);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !appliesTo(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = key(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)), request.getQueryString() == null
                ? request.getRequestURI() : request.getRequestURI() + '?' + request.getQueryString());
        CachedResponse cached = cache.find(key);
        if (cached != null) {
            send(cached, request, response);
            return;
        }
        long stamp = cache.stamp();
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        if (buffered.getStatus() == HttpServletResponse.SC_OK && !response.isCommitted()) {
            CachedResponse fresh = new CachedResponse(buffered.getContentAsByteArray(), buffered.getContentType(),
                    buffered.getHeader(PagedResponses.TOTAL_COUNT), buffered.getHeader(HttpHeaders.LINK),
                    etagOf(buffered), stamp, (Long) request.getAttribute(STORE_ATTRIBUTE));
            cache.put(key, fresh);
            // Set before the body is written (the commit), so Spring Security does not add its no-store.
            buffered.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            if (new ServletWebRequest(request, buffered).checkNotModified(fresh.etag())) {
                return; // 304 with the ETag and no body; the buffered body is dropped.
            }
            buffered.setHeader(HttpHeaders.ETAG, fresh.etag());
        }
        buffered.copyBodyToResponse();
    }

    private static void send(CachedResponse cached, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        if (new ServletWebRequest(request, response).checkNotModified(cached.etag())) {
            return;
        }
        response.setHeader(HttpHeaders.ETAG, cached.etag());
        response.setContentType(cached.contentType());
        if (cached.totalCount() != null) {
            response.setHeader(PagedResponses.TOTAL_COUNT, cached.totalCount());
        }
        if (cached.link() != null) {
            response.setHeader(HttpHeaders.LINK, cached.link());
        }
        response.setContentLength(cached.body().length);
        response.getOutputStream().write(cached.body());
    }

    /**
     * Responses are kept per Accept header as sent (all its lines), since content negotiation may
     * answer another Accept with another Content-Type or status; clients send the same one each time.
     */
    static String key(List<String> accept, String pathAndQuery) {
        return String.join(", ", accept) + ' ' + pathAndQuery;
    }

    private static String etagOf(ContentCachingResponseWrapper response) {
        return EntityTags.of(response.getContentAsByteArray(), response.getContentType(),
                response.getHeader(PagedResponses.TOTAL_COUNT), response.getHeader(HttpHeaders.LINK));
    }
}
