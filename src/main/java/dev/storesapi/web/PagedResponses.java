package dev.storesapi.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A page stays a plain JSON array (as in the Flask original); its position travels in
 * {@code X-Total-Count} and an RFC 8288 {@code Link} header with first/prev/next/last.
 */
public final class PagedResponses {

    public static final String TOTAL_COUNT = "X-Total-Count";

    private PagedResponses() {
    }

    public static <T> ResponseEntity<List<T>> ok(Page<T> page) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .header(TOTAL_COUNT, Long.toString(page.getTotalElements()));
        String links = links(page);
        if (!links.isEmpty()) {
            response.header("Link", links);
        }
        return response.body(page.getContent());
    }

    static String links(Page<?> page) {
        int current = page.getNumber();
        int last = Math.max(page.getTotalPages() - 1, 0);
        List<String> links = new ArrayList<>();
        links.add(link(0, page.getSize(), "first"));
        if (current > 0) {
            links.add(link(Math.min(current - 1, last), page.getSize(), "prev"));
        }
        if (current < last) {
            links.add(link(current + 1, page.getSize(), "next"));
        }
        links.add(link(last, page.getSize(), "last"));
        return String.join(", ", links);
    }

    private static String link(int page, int size, String rel) {
        String uri = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("page", page)
                .replaceQueryParam("size", size)
                .build()
                .toUriString();
        return "<" + uri + ">; rel=\"" + rel + "\"";
    }
}
