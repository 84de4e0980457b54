package dev.storesapi.catalog.item;

import dev.storesapi.catalog.cache.CatalogCacheFilter;
import dev.storesapi.web.ApiDocs;
import dev.storesapi.web.EntityTags;
import dev.storesapi.web.IfMatch;
import dev.storesapi.web.MessageResponse;
import dev.storesapi.web.Names;
import dev.storesapi.web.PageQuery;
import dev.storesapi.web.PagedResponses;
import dev.storesapi.web.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/item", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Items")
class ItemController {

    private final ItemService items;
    private final EntityTags entityTags;

    ItemController(ItemService items, EntityTags entityTags) {
        this.items = items;
        this.entityTags = entityTags;
    }

    @GetMapping
    @Operation(summary = "List items, optionally of one store and/or with one tag", description = ApiDocs.PAGED)
    ResponseEntity<List<ItemResponse>> list(
            @Parameter(description = "Only items of this store.", example = "1")
            @RequestParam(name = "store_id", required = false) @Positive Long storeId,
            @Parameter(description = "Only items linked to a tag with this name.", example = "furniture")
            @RequestParam(name = "tag", required = false) @Size(max = 80) @PlainText String tag,
            @ParameterObject @Valid PageQuery page) {
        ItemFilter filter = new ItemFilter(storeId, Names.trim(tag));
        return PagedResponses.ok(items.list(filter, page.toPageRequest()), "store_id", "tag");
    }

    @PostMapping
    @Operation(summary = "Create an item in a store")
    @ApiDocs.Responses({404})
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ItemResponse> create(@Valid @RequestBody ItemCreateRequest request) {
        ItemResponse item = items.create(request);
        return ResponseEntity.created(URI.create("/item/" + item.id())).eTag(entityTags.of(item)).body(item);
    }

    @GetMapping("/{item_id}")
    @Operation(summary = "Get an item with its store and tags")
    @ApiDocs.Responses({404})
    ItemResponse get(@PathVariable("item_id") @Positive long itemId) {
        ItemResponse item = items.get(itemId);
        CatalogCacheFilter.dependsOnStore(item.store().id());
        return item;
    }

    @PutMapping("/{item_id}")
    @Operation(summary = "Update an item's fields",
            description = "Fields given are replaced; \"description\": null clears it; null name or price is a 422. "
                    + "Moving a tagged item to another store is a 422: unlink its tags first.")
    @ApiDocs.Responses({404})
    ResponseEntity<ItemResponse> update(@PathVariable("item_id") @Positive long itemId, IfMatch ifMatch,
            @Valid @RequestBody ItemUpdateRequest request) {
        ItemResponse item = items.update(itemId, request, ifMatch);
        return ResponseEntity.ok().eTag(entityTags.of(item)).body(item);
    }

    @DeleteMapping("/{item_id}")
    @Operation(summary = "Delete an item")
    @ApiDocs.Responses({404})
    MessageResponse delete(@PathVariable("item_id") @Positive long itemId, IfMatch ifMatch) {
        items.delete(itemId, ifMatch);
        return new MessageResponse("Item deleted.");
    }
}
