package dev.storesapi.catalog.store;

import dev.storesapi.catalog.item.PlainItem;
import dev.storesapi.catalog.tag.PlainTag;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(name = "Store")
public record StoreResponse(
        @Schema(example = "1") Long id,
        @Schema(example = "Corner shop") String name,
        List<PlainItem> items,
        List<PlainTag> tags) {

    static StoreResponse of(Store store, List<PlainItem> items, List<PlainTag> tags) {
        return new StoreResponse(store.getId(), store.getName(), items, tags);
    }
}
