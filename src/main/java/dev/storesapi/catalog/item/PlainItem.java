package dev.storesapi.catalog.item;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** An item without its store and tags, as nested in store and tag responses. */
public record PlainItem(
        @Schema(example = "7") Long id,
        @Schema(example = "Chair") String name,
        @Schema(example = "17.99") BigDecimal price,
        @Schema(example = "Oak", nullable = true) String description) {

    public static PlainItem from(Item item) {
        return new PlainItem(item.getId(), item.getName(), Money.forJson(item.getPrice()), item.getDescription());
    }
}
