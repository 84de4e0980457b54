package dev.storesapi.catalog.store;

import io.swagger.v3.oas.annotations.media.Schema;

/** A store without its items and tags, as nested in item and tag responses. */
public record PlainStore(
        @Schema(example = "1") Long id,
        @Schema(example = "Corner shop") String name) {

    public static PlainStore from(Store store) {
        return new PlainStore(store.getId(), store.getName());
    }
}
