package dev.storesapi.catalog.store;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface StoreRepository extends JpaRepository<Store, Long> {

    boolean existsByName(String name);

    /** Locks the store's row: items and tags added to it wait (their foreign key reads it), and so does its delete. */
    @Query(value = "select id from stores where id = :id for update", nativeQuery = true)
    Optional<Long> lockById(Long id);

    /** One statement; the database cascades to the store's items, tags and their links. */
    @Modifying
    @Query("delete from Store s where s.id = :id")
    int deleteStoreById(Long id);
}
