package dev.storesapi.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What the controllers add to the OpenAPI document (see config/OpenApiConfig). */
public final class ApiDocs {

    /** The bearer-token security scheme; auth/AccessPolicy decides which operations need it. */
    public static final String BEARER = "bearer";

    public static final String PAGED = "Paged with `page` (from 0) and `size` (default " + PageQuery.DEFAULT_SIZE
            + ", at most " + PageQuery.MAX_SIZE + "); the body "
            + "stays a JSON array, the total is in `X-Total-Count` and the neighbouring pages in an RFC 8288 `Link` "
            + "header (first, prev, next, last).";

    private ApiDocs() {
    }

    /**
     * Statuses specific to the operation (404, 409, 422...). The ones every operation can return
     * (400, 500, 503, and 413/415/422 for a request body) are added to all of them.
     */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Responses {
        int[] value();
    }
}
