package dev.storesapi.catalog.tag;

import dev.storesapi.catalog.item.ItemResponse;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "ItemTagUnlinked")
public record UnlinkResponse(
        @Schema(example = "Item removed from tag") String message,
        ItemResponse item,
        TagResponse tag) {
}
