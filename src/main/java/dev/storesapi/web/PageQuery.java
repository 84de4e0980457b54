package dev.storesapi.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** {@code ?page=&size=} of the list endpoints (docs/api.md "Endpoints"); lists are ordered by id. */
public record PageQuery(
        @Parameter(description = "Zero-based page number, at most " + PageQuery.MAX_PAGE + ".", example = "0")
        @Min(0) @Max(PageQuery.MAX_PAGE) Integer page,
        @Parameter(description = "Page size, 1 to " + PageQuery.MAX_SIZE + ".", example = "100")
        @Min(1) @Max(PageQuery.MAX_SIZE) Integer size) {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;
    /** Keeps page × size, the SQL offset, within an int, as Spring Data requires. */
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;

    public PageQuery {
        page = page == null ? 0 : page;
        size = size == null ? DEFAULT_SIZE : size;
    }

    public PageRequest toPageRequest() {
        return PageRequest.of(page, size, Sort.by("id"));
    }
}
