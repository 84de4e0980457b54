package dev.storesapi.catalog.tag;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface TagRepository extends JpaRepository<Tag, Long> {

    boolean existsByStoreIdAndName(Long storeId, String name);

    List<Tag> findByStoreIdInOrderByIdAsc(Collection<Long> storeIds);

    Page<Tag> findByStoreId(Long storeId, Pageable pageable);

    @Query("select distinct t from Tag t join fetch t.store left join fetch t.items where t.id = :id")
    Optional<Tag> findWithStoreAndItemsById(Long id);

    @Query("select distinct t from Tag t join fetch t.store left join fetch t.items where t.id in :ids")
    List<Tag> findWithStoreAndItemsByIdIn(Collection<Long> ids);

    /** Locks the rows of a store's tags (a conditional delete of the store: docs/api.md "Conditional writes"). */
    @Query(value = "select id from tags where store_id = :storeId order by id for update", nativeQuery = true)
    List<Long> lockIdsByStoreId(Long storeId);

    /**
     * Locks the tag row, so no link to it can be inserted until the caller's transaction ends. FOR
     * UPDATE in so many words: a link's foreign key check takes a key-share lock on the tag, which
     * the FOR NO KEY UPDATE that Hibernate makes of PESSIMISTIC_WRITE on PostgreSQL lets through.
     */
    @Query(value = "select * from tags where id = :id for update", nativeQuery = true)
    Optional<Tag> findByIdForUpdate(Long id);

    /** Idempotent: returns 1 when the link was created, 0 when it already existed (also under concurrency). */
    @Modifying
    @Query(value = "insert into items_tags (item_id, tag_id) values (:itemId, :tagId) on conflict do nothing",
            nativeQuery = true)
    int linkItem(Long itemId, Long tagId);

    @Modifying
    @Query(value = "delete from items_tags where item_id = :itemId and tag_id = :tagId", nativeQuery = true)
    int unlinkItem(Long itemId, Long tagId);

    @Modifying
    @Query("delete from Tag t where t.id = :id")
    int deleteTagById(Long id);
}
