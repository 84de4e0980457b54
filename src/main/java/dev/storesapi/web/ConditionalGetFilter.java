package dev.storesapi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Conditional GETs of the public catalog (README "Caching and conditional requests"): a strong
 * {@code ETag} on every 200 to a GET of a store, item or tag, or of their lists, hashed from the
 * body and the paging headers ({@code X-Total-Count}, {@code Link}: a new store past a full page
 * changes those, not the body). {@code If-None-Match} with a current tag gets 304 and no body.
 * With {@code Cache-Control: no-cache}, clients and proxies may keep a copy but must revalidate it.
 * Errors keep Spring Security's no-store; HEAD is left alone (the servlet drops its body before
 * this filter could hash it).
 */
@Component
public class ConditionalGetFilter extends OncePerRequestFilter {

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
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        if (buffered.getStatus() == HttpServletResponse.SC_OK && !response.isCommitted()) {
            String etag = etagOf(buffered);
            // Set before the body is written (the commit), so Spring Security does not add its no-store.
            buffered.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            if (new ServletWebRequest(request, buffered).checkNotModified(etag)) {
                return; // 304 with the ETag and no body; the buffered body is dropped.
            }
            buffered.setHeader(HttpHeaders.ETAG, etag);
        }
        buffered.copyBodyToResponse();
    }

    private static String etagOf(ContentCachingResponseWrapper response) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException(unavailable);
        }
        sha256.update(response.getContentAsByteArray());
        for (String header : new String[] {PagedResponses.TOTAL_COUNT, HttpHeaders.LINK}) {
            String value = response.getHeader(header);
            sha256.update((header + ':' + (value == null ? "" : value) + '\n').getBytes(StandardCharsets.UTF_8));
        }
        return "\"" + HexFormat.of().formatHex(sha256.digest(), 0, 16) + "\"";
    }
}
