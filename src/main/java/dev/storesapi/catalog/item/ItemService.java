package dev.storesapi.catalog.item;

import dev.storesapi.catalog.cache.CatalogChanges;
import dev.storesapi.catalog.store.Store;
import dev.storesapi.catalog.store.StoreService;
import dev.storesapi.error.BrokenConstraint;
import dev.storesapi.error.NotFoundException;
import dev.storesapi.error.RuleViolationException;
import dev.storesapi.web.EntityTags;
import dev.storesapi.web.IfMatch;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class ItemService {

    private static final String NOT_FOUND = "Item not found.";

    private final ItemRepository items;
    private final StoreService stores;
    private final CatalogChanges changes;
    private final EntityTags entityTags;

    ItemService(ItemRepository items, StoreService stores, CatalogChanges changes, EntityTags entityTags) {
        this.items = items;
        this.stores = stores;
        this.changes = changes;
        this.entityTags = entityTags;
    }

    /** Three queries whatever the page size: the page, its count, then stores and tags of the page. */
    public Page<ItemResponse> list(ItemFilter filter, Pageable pageable) {
        Page<Item> page = items.findAll(filter.toSpecification(), pageable);
        if (page.isEmpty()) {
            return new PageImpl<>(List.of(), pageable, page.getTotalElements());
        }
        List<Long> ids = page.getContent().stream().map(Item::getId).toList();
        List<ItemResponse> content = items.findWithStoreAndTagsByIdIn(ids).stream()
                .sorted(Comparator.comparing(Item::getId))
                .map(ItemResponse::from)
                .toList();
        return new PageImpl<>(content, pageable, page.getTotalElements());
    }

    public ItemResponse get(long itemId) {
        return ItemResponse.from(findWithStoreAndTags(itemId));
    }

    @Transactional
    public ItemResponse create(ItemCreateRequest request) {
        Store store = stores.findStore(request.storeId());
        Item item;
        try {
            item = items.saveAndFlush(new Item(request.name(), request.price(), request.description(), store));
        } catch (DataIntegrityViolationException refused) {
            throw answerTo(refused);
        }
        changes.storesChanged(store.getId());
        return ItemResponse.from(item);
    }

    /** {@code ifMatch} is checked against the item as it is once its row is locked (docs/api.md "Conditional writes"). */
    @Transactional
    public ItemResponse update(long itemId, ItemUpdateRequest request, IfMatch ifMatch) {
        long storeBefore = lock(itemId, ifMatch);
        Item item = findWithStoreAndTags(itemId);
        ifMatch.check(() -> entityTags.of(ItemResponse.from(item)));
        if (request.getName() != null) {
            item.setName(request.getName());
        }
        if (request.getPrice() != null) {
            item.setPrice(request.getPrice());
        }
        if (request.descriptionGiven()) {
            item.setDescription(request.getDescription());
        }
        if (request.getStoreId() != null && !Objects.equals(request.getStoreId(), item.getStore().getId())) {
            moveToStore(item, request.getStoreId());
        }
        try {
            items.flush();
        } catch (DataIntegrityViolationException refused) {
            throw answerTo(refused);
        }
        changes.storesChanged(storeBefore, item.getStore().getId());
        return ItemResponse.from(item);
    }

    /**
     * The row lock decides a race with another delete (of the item, or of its store by cascade):
     * that one deletes the row under a lock of its own, so the later of the two waits for it and
     * then finds no row (404, or 412 under If-Match); once the lock is held here, nothing else can
     * delete or change the row, so {@code ifMatch} is checked against the item as it is deleted.
     */
    @Transactional
    public void delete(long itemId, IfMatch ifMatch) {
        long storeId = lock(itemId, ifMatch);
        ifMatch.check(() -> entityTags.of(get(itemId)));
        items.deleteItemById(itemId);
        changes.storesChanged(storeId);
    }

    /** Locks the item's row (every write of an item or of its links does) and returns its store. */
    private long lock(long itemId, IfMatch ifMatch) {
        return items.lockStoreIdById(itemId).orElseThrow(() -> ifMatch.whenMissing(new NotFoundException(NOT_FOUND)));
    }

    private void moveToStore(Item item, long storeId) {
        Store target = stores.findStore(storeId);
        // Tags belong to a store, so a tagged item would end up linked to another store's tags.
        if (!item.getTags().isEmpty()) {
            throw new RuleViolationException(
                    "Item and tag must belong to the same store. Unlink the item's tags before moving it.");
        }
        item.setStore(target);
    }

    /**
     * What a refused write of an item answers: a foreign key that fired means the store was found, then
     * deleted (its delete committed while this write waited for its row), a 404; anything else is
     * thrown as it is.
     */
    private static RuntimeException answerTo(DataIntegrityViolationException refused) {
        return BrokenConstraint.of(refused).isForeignKey() ? new NotFoundException(StoreService.NOT_FOUND, refused)
                : refused;
    }

    private Item findWithStoreAndTags(long itemId) {
        return items.findWithStoreAndTagsById(itemId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }
}
