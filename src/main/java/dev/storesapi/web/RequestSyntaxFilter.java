package dev.storesapi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything parses them, the request lines and headers that the servlet container
 * or a message converter would otherwise fail on with a 500 (docs/security.md):
 * <ul>
 * <li>a query string that is not valid percent-encoded UTF-8 ({@code ?%FF}, {@code ?%ZZ}, a lone
 * {@code %}, a truncated multi-byte character) → 400;</li>
 * <li>a Content-Type that is not a concrete media type ({@code *}{@code /*}, {@code text/*}, garbage)
 * → 415, whether or not a body follows;</li>
 * <li>a body in anything but JSON ({@code application/json} or {@code application/*+json}) → 415,
 * so no other converter (YAML, forms, XML) ever reads a request.</li>
 * </ul>
 * It runs after the observation filter, so these refusals are timed, and before Boot's
 * FormContentFilter would parse a form body ({@link FilterOrder#REQUEST_SYNTAX}).
 */
@Component
@Order(FilterOrder.REQUEST_SYNTAX)
class RequestSyntaxFilter extends OncePerRequestFilter {

    static final String BAD_QUERY = "The query string is not valid percent-encoded UTF-8.";
    static final String NOT_JSON = "Request bodies must be application/json.";

    private final ProblemResponder problems;

    RequestSyntaxFilter(ProblemResponder problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isValidQuery(request.getQueryString())) {
            problems.respond(request, response, Problems.exception(HttpStatus.BAD_REQUEST, BAD_QUERY));
            return;
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !isAcceptable(contentType, hasBody(request))) {
            problems.respond(request, response, Problems.exception(HttpStatus.UNSUPPORTED_MEDIA_TYPE, NOT_JSON));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isValidQuery(String query) {
        if (query == null || query.indexOf('%') < 0) {
            return query == null || query.chars().allMatch(c -> c < 0x80);
        }
        ByteBuffer bytes = ByteBuffer.allocate(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length() || !isAsciiHex(query.charAt(i + 1)) || !isAsciiHex(query.charAt(i + 2))) {
                    return false;
                }
                int high = Character.digit(query.charAt(i + 1), 16);
                int low = Character.digit(query.charAt(i + 2), 16);
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else if (c >= 0x80) {
                return false;
            } else {
                bytes.put((byte) c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes.flip());
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isAcceptable(String contentType, boolean hasBody) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return false;
        }
        return !hasBody || MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || ("application".equals(type.getType()) && type.getSubtype().endsWith("+json"));
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }
}
