package dev.storesapi.catalog.item;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ItemRepository extends JpaRepository<Item, Long>, JpaSpecificationExecutor<Item> {

    List<Item> findByStoreIdInOrderByIdAsc(Collection<Long> storeIds);

    /**
     * The item's store, with the item's row locked to the end of the transaction: a concurrent move
     * waits, so a write announces the store the item is really in (cache/CatalogChanges).
     */
    @Query(value = "select store_id from items where id = :id for update", nativeQuery = true)
    Optional<Long> lockStoreIdById(Long id);

    /** Locks the rows of a store's items (a conditional delete of the store: docs/api.md "Conditional writes"). */
    @Query(value = "select id from items where store_id = :storeId order by id for update", nativeQuery = true)
    List<Long> lockIdsByStoreId(Long storeId);

    @Query("select distinct i from Item i join fetch i.store left join fetch i.tags where i.id = :id")
    Optional<Item> findWithStoreAndTagsById(Long id);

    @Query("select distinct i from Item i join fetch i.store left join fetch i.tags where i.id in :ids")
    List<Item> findWithStoreAndTagsByIdIn(Collection<Long> ids);

    /** One statement; the database cascades to the item's tag links. */
    @Modifying
    @Query("delete from Item i where i.id = :id")
    int deleteItemById(Long id);
}
