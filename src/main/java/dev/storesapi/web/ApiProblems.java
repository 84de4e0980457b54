package dev.storesapi.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** OpenAPI documentation of the problems an operation returns (see config/OpenApiConfig). */
public final class ApiProblems {

    public static final String PAGED = "Paged with `page` (from 0) and `size` (default 100, at most 1000); the body "
            + "stays a JSON array, the total is in `X-Total-Count` and the neighbouring pages in an RFC 8288 `Link` "
            + "header (first, prev, next, last).";

    private ApiProblems() {
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
