package dev.storesapi.catalog.item;

import dev.storesapi.catalog.store.Store;
import dev.storesapi.catalog.store.StoreRepository;
import dev.storesapi.catalog.tag.Tag;
import dev.storesapi.catalog.tag.TagRepository;
import dev.storesapi.support.LockProbe;
import dev.storesapi.support.RepositorySlice;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The items' queries: the store of an item read under its row lock, and the fetch joins. */
@RepositorySlice
class ItemRepositoryTest {

    @Autowired
    ItemRepository items;

    @Autowired
    TagRepository tags;

    @Autowired
    StoreRepository stores;

    @Autowired
    TestEntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource database;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // committed rows, which another transaction can see
    void theStoreOfAnItemIsReadWithTheItemLockedAgainstAMoveUntilTheTransactionEnds() {
        Store store = stores.save(new Store(uniqueName("locked item")));
        Store other = stores.save(new Store(uniqueName("move target")));
        Item item = items.save(new Item("locked", BigDecimal.ONE, null, store));
        String move = "update items set store_id = ? where id = ?";
        try {
            new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                assertThat(items.lockStoreIdById(item.getId())).hasValue(store.getId());
                assertThat(LockProbe.wouldWait(database, move, other.getId(), item.getId())).isTrue();
                assertThat(items.lockStoreIdById(Long.MAX_VALUE)).isEmpty();
            });
            assertThat(LockProbe.wouldWait(database, move, other.getId(), item.getId())).isFalse();
        } finally {
            jdbc.update("delete from stores where id in (?, ?)", store.getId(), other.getId());
        }
    }

    @Test
    void anItemIsFetchedWithItsStoreAndTags() {
        Store store = store();
        Item item = item(store);
        Item untagged = item(store);
        Tag first = tag(store);
        Tag second = tag(store);
        tags.linkItem(item.getId(), first.getId());
        tags.linkItem(item.getId(), second.getId());
        entityManager.clear();

        Item fetched = items.findWithStoreAndTagsById(item.getId()).orElseThrow();

        assertThat(Hibernate.isInitialized(fetched.getStore())).isTrue();
        assertThat(Hibernate.isInitialized(fetched.getTags())).isTrue();
        assertThat(fetched.getStore().getId()).isEqualTo(store.getId());
        assertThat(fetched.getTags()).extracting(Tag::getId).containsExactlyInAnyOrder(first.getId(), second.getId());
        assertThat(items.findWithStoreAndTagsById(untagged.getId())).hasValueSatisfying(
                found -> assertThat(found.getTags()).isEmpty());
        assertThat(items.findWithStoreAndTagsById(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void itemsFetchedByIdsComeOnceEachWhateverTheirTags() {
        Store store = store();
        Item item = item(store);
        Item other = item(store);
        Item untagged = item(store);
        Tag first = tag(store);
        Tag second = tag(store);
        for (Item tagged : List.of(item, other)) {
            tags.linkItem(tagged.getId(), first.getId());
            tags.linkItem(tagged.getId(), second.getId());
        }
        entityManager.clear();

        List<Item> fetched = items.findWithStoreAndTagsByIdIn(List.of(item.getId(), other.getId(), untagged.getId()));

        assertThat(fetched).extracting(Item::getId)
                .containsExactlyInAnyOrder(item.getId(), other.getId(), untagged.getId());
        assertThat(fetched).allSatisfy(found -> {
            assertThat(Hibernate.isInitialized(found.getStore())).isTrue();
            assertThat(Hibernate.isInitialized(found.getTags())).isTrue();
        });
    }

    @Test
    void itemsOfStoresAreListedInIdOrder() {
        Store store = store();
        Store next = store();
        Item first = item(store);
        Item second = item(next);
        Item third = item(store);
        item(store());

        assertThat(items.findByStoreIdInOrderByIdAsc(List.of(store.getId(), next.getId()))).extracting(Item::getId)
                .containsExactly(first.getId(), second.getId(), third.getId());
    }

    @Test
    void deletingAnItemDeletesItsLinksButNotItsTags() {
        Store store = store();
        Item item = item(store);
        Tag tag = tag(store);
        tags.linkItem(item.getId(), tag.getId());

        assertThat(items.deleteItemById(item.getId())).isEqualTo(1);

        assertThat(jdbc.queryForObject("select count(*) from items_tags where item_id = ?", Integer.class,
                item.getId())).isZero();
        assertThat(tags.existsById(tag.getId())).isTrue();
        assertThat(items.deleteItemById(item.getId())).isZero();
    }

    private Store store() {
        return stores.saveAndFlush(new Store(uniqueName("store")));
    }

    private Item item(Store store) {
        return items.saveAndFlush(new Item(uniqueName("item"), new BigDecimal("1.50"), null, store));
    }

    private Tag tag(Store store) {
        return tags.saveAndFlush(new Tag(uniqueName("tag"), store));
    }

    private static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
