package dev.storesapi.catalog.store;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface StoreRepository extends JpaRepository<Store, Long> {

    boolean existsByName(String name);

    /** One statement; the database cascades to the store's items, tags and their links. */
    @Modifying
    @Query("delete from Store s where s.id = :id")
    int deleteStoreById(Long id);
}
