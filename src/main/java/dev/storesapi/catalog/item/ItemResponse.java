package dev.storesapi.catalog.item;

import dev.storesapi.catalog.store.PlainStore;
import dev.storesapi.catalog.tag.PlainTag;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

@Schema(name = "Item")
public record ItemResponse(
        @Schema(example = "7") Long id,
        @Schema(example = "Chair") String name,
        @Schema(example = "17.99") BigDecimal price,
        @Schema(example = "Oak", nullable = true) String description,
        PlainStore store,
        List<PlainTag> tags) {

    /** Needs the item's store and tags loaded. */
    public static ItemResponse from(Item item) {
        List<PlainTag> tags = item.getTags().stream()
                .sorted(Comparator.comparing(tag -> tag.getId()))
                .map(PlainTag::from)
                .toList();
        return new ItemResponse(item.getId(), item.getName(), Money.forJson(item.getPrice()),
                item.getDescription(), PlainStore.from(item.getStore()), tags);
    }
}
