package dev.storesapi.catalog.tag;

import io.swagger.v3.oas.annotations.media.Schema;

/** A tag without its store and items, as nested in store and item responses. */
public record PlainTag(
        @Schema(example = "3") Long id,
        @Schema(example = "furniture") String name) {

    public static PlainTag from(Tag tag) {
        return new PlainTag(tag.getId(), tag.getName());
    }
}
