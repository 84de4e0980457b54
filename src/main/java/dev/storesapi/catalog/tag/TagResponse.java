package dev.storesapi.catalog.tag;

import dev.storesapi.catalog.item.PlainItem;
import dev.storesapi.catalog.store.PlainStore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Comparator;
import java.util.List;

@Schema(name = "Tag")
public record TagResponse(
        @Schema(example = "3") Long id,
        @Schema(example = "furniture") String name,
        PlainStore store,
        List<PlainItem> items) {

    /** Needs the tag's store and items loaded. */
    public static TagResponse from(Tag tag) {
        List<PlainItem> items = tag.getItems().stream()
                .sorted(Comparator.comparing(item -> item.getId()))
                .map(PlainItem::from)
                .toList();
        return new TagResponse(tag.getId(), tag.getName(), PlainStore.from(tag.getStore()), items);
    }
}
