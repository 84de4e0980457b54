package dev.storesapi.catalog.store;

import dev.storesapi.catalog.cache.CatalogCacheFilter;
import dev.storesapi.web.ApiDocs;
import dev.storesapi.web.EntityTags;
import dev.storesapi.web.IfMatch;
import dev.storesapi.web.MessageResponse;
import dev.storesapi.web.PageQuery;
import dev.storesapi.web.PagedResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@RequestMapping(path = "/store", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Stores")
class StoreController {

    private final StoreService stores;
    private final EntityTags entityTags;

    StoreController(StoreService stores, EntityTags entityTags) {
        this.stores = stores;
        this.entityTags = entityTags;
    }

    @GetMapping
    @Operation(summary = "List stores with their items and tags", description = ApiDocs.PAGED)
    ResponseEntity<List<StoreResponse>> list(@ParameterObject @Valid PageQuery page) {
        return PagedResponses.ok(stores.list(page.toPageRequest()));
    }

    @PostMapping
    @Operation(summary = "Create a store")
    @ApiDocs.Responses({409})
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<StoreResponse> create(@Valid @RequestBody StoreRequest request) {
        StoreResponse store = stores.create(request);
        return ResponseEntity.created(URI.create("/store/" + store.id())).eTag(entityTags.of(store)).body(store);
    }

    @GetMapping("/{store_id}")
    @Operation(summary = "Get a store with its items and tags")
    @ApiDocs.Responses({404})
    StoreResponse get(@PathVariable("store_id") @Positive long storeId) {
        CatalogCacheFilter.dependsOnStore(storeId);
        return stores.get(storeId);
    }

    @DeleteMapping("/{store_id}")
    @Operation(summary = "Delete a store with its items, tags and links")
    @ApiDocs.Responses({404})
    MessageResponse delete(@PathVariable("store_id") @Positive long storeId, IfMatch ifMatch) {
        stores.delete(storeId, ifMatch);
        return new MessageResponse("Store deleted");
    }
}
