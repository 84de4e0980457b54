package dev.storesapi.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A page stays a plain JSON array (as in the Flask original); its position travels in
 * {@code X-Total-Count} and an RFC 8288 {@code Link} header with first/prev/next/last. The links
 * are relative references (path and query): nothing a client sends in {@code Host} or
 * {@code X-Forwarded-Host} ends up in them, and of the query only the parameters the list
 * endpoints read, so that a long made-up parameter cannot blow up the response headers.
 */
public final class PagedResponses {

    public static final String TOTAL_COUNT = "X-Total-Count";

    private PagedResponses() {
    }

    /** {@code filters}: the query parameters besides page and size that the links keep (GET /item's). */
    public static <T> ResponseEntity<List<T>> ok(Page<T> page, String... filters) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .header(TOTAL_COUNT, Long.toString(page.getTotalElements()));
        String links = links(page, List.of(filters));
        if (!links.isEmpty()) {
            response.header("Link", links);
        }
        return response.body(page.getContent());
    }

    static String links(Page<?> page, List<String> filters) {
        UriComponentsBuilder base = relativeWith(filters);
        int current = page.getNumber();
        int last = Math.max(page.getTotalPages() - 1, 0);
        List<String> links = new ArrayList<>();
        links.add(link(base, 0, page.getSize(), "first"));
        if (current > 0) {
            links.add(link(base, Math.min(current - 1, last), page.getSize(), "prev"));
        }
        if (current < last) {
            links.add(link(base, current + 1, page.getSize(), "next"));
        }
        links.add(link(base, last, page.getSize(), "last"));
        return String.join(", ", links);
    }

    /** The request's path and, of its query, only the given filters. */
    private static UriComponentsBuilder relativeWith(List<String> filters) {
        UriComponents request = ServletUriComponentsBuilder.fromCurrentRequest().build();
        MultiValueMap<String, String> query = request.getQueryParams();
        UriComponentsBuilder relative = UriComponentsBuilder.fromPath(request.getPath());
        for (String kept : filters) {
            if (query.containsKey(kept)) {
                relative.queryParam(kept, query.get(kept).toArray());
            }
        }
        return relative;
    }

    private static String link(UriComponentsBuilder base, int page, int size, String rel) {
        String uri = base.cloneBuilder()
                .replaceQueryParam("page", page)
                .replaceQueryParam("size", size)
                .build()
                .toUriString();
        return "<" + uri + ">; rel=\"" + rel + "\"";
    }
}
