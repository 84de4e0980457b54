package dev.storesapi.catalog.tag;

import dev.storesapi.catalog.cache.CatalogChanges;
import dev.storesapi.catalog.item.ItemRepository;
import dev.storesapi.catalog.item.ItemResponse;
import dev.storesapi.catalog.store.Store;
import dev.storesapi.catalog.store.StoreService;
import dev.storesapi.error.BrokenConstraint;
import dev.storesapi.error.ConflictException;
import dev.storesapi.error.NotFoundException;
import dev.storesapi.error.RuleViolationException;
import dev.storesapi.web.EntityTags;
import dev.storesapi.web.IfMatch;
import java.util.Comparator;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class TagService {

    static final String NAME_TAKEN = "A tag with that name already exists in that store.";
    private static final String NOT_FOUND = "Tag not found.";

    private final TagRepository tags;
    private final ItemRepository items;
    private final StoreService stores;
    private final CatalogChanges changes;
    private final EntityTags entityTags;

    TagService(TagRepository tags, ItemRepository items, StoreService stores, CatalogChanges changes,
            EntityTags entityTags) {
        this.tags = tags;
        this.items = items;
        this.stores = stores;
        this.changes = changes;
        this.entityTags = entityTags;
    }

    /** Four queries whatever the page size: the store, the page, its count, then the page's stores and items. */
    public Page<TagResponse> listInStore(long storeId, Pageable pageable) {
        stores.findStore(storeId);
        Page<Tag> page = tags.findByStoreId(storeId, pageable);
        if (page.isEmpty()) {
            return new PageImpl<>(List.of(), pageable, page.getTotalElements());
        }
        List<Long> ids = page.getContent().stream().map(Tag::getId).toList();
        List<TagResponse> content = tags.findWithStoreAndItemsByIdIn(ids).stream()
                .sorted(Comparator.comparing(Tag::getId))
                .map(TagResponse::from)
                .toList();
        return new PageImpl<>(content, pageable, page.getTotalElements());
    }

    public TagResponse get(long tagId) {
        return findWithStoreAndItems(tagId);
    }

    @Transactional
    public TagResponse createInStore(long storeId, TagRequest request) {
        Store store = stores.findStore(storeId);
        if (tags.existsByStoreIdAndName(storeId, request.name())) {
            throw new ConflictException(NAME_TAKEN);
        }
        try {
            Tag tag = tags.saveAndFlush(new Tag(request.name(), store));
            changes.storesChanged(storeId);
            return TagResponse.from(tag);
        } catch (DataIntegrityViolationException refused) {
            BrokenConstraint broken = BrokenConstraint.of(refused);
            if (broken.isUnique()) {
                throw new ConflictException(NAME_TAKEN, refused);
            }
            if (broken.isForeignKey()) {
                // The store was deleted after it was found: its delete committed while this insert waited for it.
                throw new NotFoundException(StoreService.NOT_FOUND, refused);
            }
            throw refused;
        }
    }

    /** Links an item to a tag of its store; returns whether a new link was created (false: it existed). */
    @Transactional
    public LinkResult linkToItem(long itemId, long tagId) {
        long itemStore = lockItem(itemId);
        Tag tag = tags.findById(tagId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (itemStore != tag.getStore().getId()) {
            throw new RuleViolationException("Item and tag must belong to the same store.");
        }
        boolean created;
        try {
            created = tags.linkItem(itemId, tagId) == 1;
        } catch (DataIntegrityViolationException refused) {
            if (BrokenConstraint.of(refused).isForeignKey()) {
                // The tag was deleted after it was found: delete() held its row while this insert waited for it.
                throw new NotFoundException(NOT_FOUND, refused);
            }
            throw refused;
        }
        if (created) {
            changes.storesChanged(itemStore);
        }
        return new LinkResult(findWithStoreAndItems(tagId), created);
    }

    @Transactional
    public UnlinkResponse unlinkFromItem(long itemId, long tagId) {
        long itemStore = lockItem(itemId);
        tags.findById(tagId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (tags.unlinkItem(itemId, tagId) == 0) {
            throw new NotFoundException("Item is not linked to that tag.");
        }
        changes.storesChanged(itemStore);
        ItemResponse item = ItemResponse.from(items.findWithStoreAndTagsById(itemId).orElseThrow());
        return new UnlinkResponse("Item removed from tag", item, findWithStoreAndItems(tagId));
    }

    /**
     * The row lock makes "not linked" and the delete one step: a concurrent link waits, then finds no
     * tag. What the tag shows is read once, after the lock, and both {@code ifMatch} (docs/api.md
     * "Conditional writes") and "not linked" are judged on that read: an unlink locks only its item,
     * so two reads could see two states.
     */
    @Transactional
    public void delete(long tagId, IfMatch ifMatch) {
        Tag tag = tags.findByIdForUpdate(tagId).orElseThrow(() -> ifMatch.whenMissing(new NotFoundException(NOT_FOUND)));
        TagResponse current = findWithStoreAndItems(tagId);
        ifMatch.check(() -> entityTags.of(current));
        if (!current.items().isEmpty()) {
            throw new ConflictException(
                    "Could not delete tag. Make sure tag is not associated with any items, then try again.");
        }
        tags.deleteTagById(tagId);
        changes.storesChanged(tag.getStore().getId());
    }

    public record LinkResult(TagResponse tag, boolean created) {
    }

    /** Locks the item (a concurrent move waits) and returns its store. */
    private long lockItem(long itemId) {
        return items.lockStoreIdById(itemId).orElseThrow(() -> new NotFoundException("Item not found."));
    }

    private TagResponse findWithStoreAndItems(long tagId) {
        return TagResponse.from(tags.findWithStoreAndItemsById(tagId)
                .orElseThrow(() -> new NotFoundException(NOT_FOUND)));
    }
}
