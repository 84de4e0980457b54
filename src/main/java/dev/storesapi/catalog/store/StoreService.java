package dev.storesapi.catalog.store;

import dev.storesapi.catalog.cache.CatalogChanges;
import dev.storesapi.catalog.item.Item;
import dev.storesapi.catalog.item.ItemRepository;
import dev.storesapi.catalog.item.PlainItem;
import dev.storesapi.catalog.tag.PlainTag;
import dev.storesapi.catalog.tag.TagRepository;
import dev.storesapi.error.BrokenConstraint;
import dev.storesapi.error.ConflictException;
import dev.storesapi.error.NotFoundException;
import dev.storesapi.web.EntityTags;
import dev.storesapi.web.IfMatch;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class StoreService {

    static final String NAME_TAKEN = "A store with that name already exists.";
    /** Also the answer of a write whose store was deleted meanwhile (its foreign key fired). */
    public static final String NOT_FOUND = "Store not found.";

    private final StoreRepository stores;
    private final ItemRepository items;
    private final TagRepository tags;
    private final CatalogChanges changes;
    private final EntityTags entityTags;

    StoreService(StoreRepository stores, ItemRepository items, TagRepository tags, CatalogChanges changes,
            EntityTags entityTags) {
        this.stores = stores;
        this.items = items;
        this.tags = tags;
        this.changes = changes;
        this.entityTags = entityTags;
    }

    public Page<StoreResponse> list(Pageable pageable) {
        Page<Store> page = stores.findAll(pageable);
        return new PageImpl<>(withItemsAndTags(page.getContent()), pageable, page.getTotalElements());
    }

    public StoreResponse get(long storeId) {
        return withItemsAndTags(List.of(findStore(storeId))).getFirst();
    }

    /** Loads a store or fails with the documented 404; also used to check a store exists. */
    public Store findStore(long storeId) {
        return stores.findById(storeId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    @Transactional
    public StoreResponse create(StoreRequest request) {
        if (stores.existsByName(request.name())) {
            throw new ConflictException(NAME_TAKEN);
        }
        try {
            Store store = stores.saveAndFlush(new Store(request.name()));
            changes.storesChanged(store.getId());
            return StoreResponse.of(store, List.of(), List.of());
        } catch (DataIntegrityViolationException refused) {
            // The unique constraint is the real guard: the check above only spares the common case an insert.
            if (BrokenConstraint.of(refused).isUnique()) {
                throw new ConflictException(NAME_TAKEN, refused);
            }
            throw refused;
        }
    }

    /**
     * Under If-Match the store's row and those of its items and tags are locked first, so that nothing
     * its representation shows can change between the check and the delete (docs/api.md "Conditional
     * writes"); without it the delete is one statement. The order, the store, then its items, then
     * its tags, is the cascade's; no other write holds more than one item and one tag, and a link
     * locks its item before its tag, so none can wait for this delete while holding what it needs.
     */
    @Transactional
    public void delete(long storeId, IfMatch ifMatch) {
        if (ifMatch.isPresent()) {
            stores.lockById(storeId).orElseThrow(() -> ifMatch.whenMissing(new NotFoundException(NOT_FOUND)));
            items.lockIdsByStoreId(storeId);
            tags.lockIdsByStoreId(storeId);
            ifMatch.check(() -> entityTags.of(get(storeId)));
        }
        if (stores.deleteStoreById(storeId) == 0) {
            throw ifMatch.whenMissing(new NotFoundException(NOT_FOUND));
        }
        changes.storesChanged(storeId);
    }

    /** Two queries for any number of stores: all their items, then all their tags (no N+1). */
    private List<StoreResponse> withItemsAndTags(List<Store> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<Long> ids = page.stream().map(Store::getId).toList();
        Map<Long, List<PlainItem>> itemsByStore = items.findByStoreIdInOrderByIdAsc(ids).stream()
                .collect(Collectors.groupingBy(item -> storeIdOf(item),
                        Collectors.mapping(PlainItem::from, Collectors.toList())));
        Map<Long, List<PlainTag>> tagsByStore = tags.findByStoreIdInOrderByIdAsc(ids).stream()
                .collect(Collectors.groupingBy(tag -> tag.getStore().getId(),
                        Collectors.mapping(PlainTag::from, Collectors.toList())));
        return page.stream()
                .map(store -> StoreResponse.of(store,
                        itemsByStore.getOrDefault(store.getId(), List.of()),
                        tagsByStore.getOrDefault(store.getId(), List.of())))
                .toList();
    }

    private static Long storeIdOf(Item item) {
        // Reading the id of a lazy proxy does not load the store.
        return item.getStore().getId();
    }
}
