package dev.storesapi.catalog.tag;

import dev.storesapi.catalog.cache.CatalogCacheFilter;
import dev.storesapi.web.ApiDocs;
import dev.storesapi.web.EntityTags;
import dev.storesapi.web.IfMatch;
import dev.storesapi.web.MessageResponse;
import dev.storesapi.web.PageQuery;
import dev.storesapi.web.PagedResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@io.swagger.v3.oas.annotations.tags.Tag(name = "Tags")
class TagController {

    private final TagService tags;
    private final EntityTags entityTags;

    TagController(TagService tags, EntityTags entityTags) {
        this.tags = tags;
        this.entityTags = entityTags;
    }

    @GetMapping("/store/{store_id}/tag")
    @Operation(summary = "List the tags of a store with their items", description = ApiDocs.PAGED)
    @ApiDocs.Responses({404})
    ResponseEntity<List<TagResponse>> listInStore(@PathVariable("store_id") @Positive long storeId,
            @ParameterObject @Valid PageQuery page) {
        CatalogCacheFilter.dependsOnStore(storeId);
        return PagedResponses.ok(tags.listInStore(storeId, page.toPageRequest()));
    }

    @PostMapping("/store/{store_id}/tag")
    @Operation(summary = "Create a tag in a store")
    @ApiDocs.Responses({404, 409})
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<TagResponse> create(@PathVariable("store_id") @Positive long storeId,
            @Valid @RequestBody TagRequest request) {
        TagResponse tag = tags.createInStore(storeId, request);
        return ResponseEntity.created(URI.create("/tag/" + tag.id())).eTag(entityTags.of(tag)).body(tag);
    }

    @PostMapping("/item/{item_id}/tag/{tag_id}")
    @Operation(summary = "Link an item to a tag of the same store",
            description = "Idempotent: 201 when the link is created, 200 when it already existed.")
    @ApiResponse(responseCode = "201", description = "Linked")
    @ApiResponse(responseCode = "200", description = "Already linked")
    @ApiDocs.Responses({404, 422})
    ResponseEntity<TagResponse> link(@PathVariable("item_id") @Positive long itemId,
            @PathVariable("tag_id") @Positive long tagId) {
        TagService.LinkResult result = tags.linkToItem(itemId, tagId);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag(entityTags.of(result.tag())).body(result.tag());
    }

    @DeleteMapping("/item/{item_id}/tag/{tag_id}")
    @Operation(summary = "Unlink an item from a tag")
    @ApiDocs.Responses({404})
    UnlinkResponse unlink(@PathVariable("item_id") @Positive long itemId,
            @PathVariable("tag_id") @Positive long tagId) {
        return tags.unlinkFromItem(itemId, tagId);
    }

    @GetMapping("/tag/{tag_id}")
    @Operation(summary = "Get a tag with its store and items")
    @ApiDocs.Responses({404})
    TagResponse get(@PathVariable("tag_id") @Positive long tagId) {
        TagResponse tag = tags.get(tagId);
        CatalogCacheFilter.dependsOnStore(tag.store().id());
        return tag;
    }

    @DeleteMapping("/tag/{tag_id}")
    @Operation(summary = "Delete a tag that no item is linked to")
    @ApiDocs.Responses({404, 409})
    MessageResponse delete(@PathVariable("tag_id") @Positive long tagId, IfMatch ifMatch) {
        tags.delete(tagId, ifMatch);
        return new MessageResponse("Tag deleted.");
    }
}
