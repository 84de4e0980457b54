package dev.storesapi.catalog.tag;

import dev.storesapi.catalog.item.Item;
import dev.storesapi.catalog.item.ItemRepository;
import dev.storesapi.catalog.store.Store;
import dev.storesapi.catalog.store.StoreRepository;
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
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The tags' queries: links written in one idempotent statement, the row lock of a delete, and the fetch joins. */
@RepositorySlice
class TagRepositoryTest {

    @Autowired
    TagRepository tags;

    @Autowired
    ItemRepository items;

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
    void linkingTwiceKeepsOneLink() {
        Store store = store();
        Item item = item(store);
        Tag tag = tag(store);

        assertThat(tags.linkItem(item.getId(), tag.getId())).isEqualTo(1);
        assertThat(tags.linkItem(item.getId(), tag.getId())).isZero();

        assertThat(links(item, tag)).isEqualTo(1);
    }

    @Test
    void unlinkingRemovesThatLinkOnly() {
        Store store = store();
        Item item = item(store);
        Item other = item(store);
        Tag tag = tag(store);
        tags.linkItem(item.getId(), tag.getId());
        tags.linkItem(other.getId(), tag.getId());

        assertThat(tags.unlinkItem(item.getId(), tag.getId())).isEqualTo(1);
        assertThat(tags.unlinkItem(item.getId(), tag.getId())).isZero();

        assertThat(links(item, tag)).isZero();
        assertThat(links(other, tag)).isEqualTo(1);
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // committed rows, which another transaction can see
    void findByIdForUpdateHoldsOffADeleteAndANewLinkUntilTheTransactionEnds() {
        Store store = stores.save(new Store(uniqueName("locked tag")));
        Tag tag = tags.save(new Tag("locked", store));
        Item item = items.save(new Item("chair", new BigDecimal("1.00"), null, store));
        String delete = "delete from tags where id = ?";
        // A link's foreign key check takes a key-share lock on the tag: only FOR UPDATE holds it off,
        // so that TagService.delete's "not linked" stays true until the tag is gone.
        String link = "insert into items_tags (item_id, tag_id) values (?, ?)";
        try {
            new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                assertThat(tags.findByIdForUpdate(tag.getId())).map(Tag::getId).hasValue(tag.getId());
                assertThat(LockProbe.wouldWait(database, delete, tag.getId())).isTrue();
                assertThat(LockProbe.wouldWait(database, link, item.getId(), tag.getId())).isTrue();
                assertThat(tags.findByIdForUpdate(Long.MAX_VALUE)).isEmpty();
            });
            assertThat(LockProbe.wouldWait(database, delete, tag.getId())).isFalse();
            assertThat(LockProbe.wouldWait(database, link, item.getId(), tag.getId())).isFalse();
        } finally {
            jdbc.update("delete from stores where id = ?", store.getId());
        }
    }

    @Test
    void aTagIsFetchedWithItsStoreAndItems() {
        Store store = store();
        Item first = item(store);
        Item second = item(store);
        Tag tag = tag(store);
        Tag unused = tag(store);
        tags.linkItem(first.getId(), tag.getId());
        tags.linkItem(second.getId(), tag.getId());
        entityManager.clear();

        Tag fetched = tags.findWithStoreAndItemsById(tag.getId()).orElseThrow();

        assertThat(Hibernate.isInitialized(fetched.getStore())).isTrue();
        assertThat(Hibernate.isInitialized(fetched.getItems())).isTrue();
        assertThat(fetched.getStore().getId()).isEqualTo(store.getId());
        assertThat(fetched.getItems()).extracting(Item::getId).containsExactlyInAnyOrder(first.getId(), second.getId());
        assertThat(tags.findWithStoreAndItemsById(unused.getId())).hasValueSatisfying(
                found -> assertThat(found.getItems()).isEmpty());
        assertThat(tags.findWithStoreAndItemsById(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void tagsFetchedByIdsComeOnceEachWhateverTheirItems() {
        Store store = store();
        Item first = item(store);
        Item second = item(store);
        Tag tag = tag(store);
        Tag other = tag(store);
        Tag unused = tag(store);
        for (Tag linked : List.of(tag, other)) {
            tags.linkItem(first.getId(), linked.getId());
            tags.linkItem(second.getId(), linked.getId());
        }
        entityManager.clear();

        List<Tag> fetched = tags.findWithStoreAndItemsByIdIn(List.of(tag.getId(), other.getId(), unused.getId()));

        assertThat(fetched).extracting(Tag::getId)
                .containsExactlyInAnyOrder(tag.getId(), other.getId(), unused.getId());
        assertThat(fetched).allSatisfy(found -> {
            assertThat(Hibernate.isInitialized(found.getStore())).isTrue();
            assertThat(Hibernate.isInitialized(found.getItems())).isTrue();
        });
    }

    @Test
    void tagsOfStoresAreListedByStoreInIdOrder() {
        Store store = store();
        Store next = store();
        Tag first = tag(store);
        Tag second = tag(next);
        Tag third = tag(store);
        tag(store());

        assertThat(tags.findByStoreIdInOrderByIdAsc(List.of(store.getId(), next.getId()))).extracting(Tag::getId)
                .containsExactly(first.getId(), second.getId(), third.getId());
        Page<Tag> page = tags.findByStoreId(store.getId(), PageRequest.of(0, 1, Sort.by("id")));
        assertThat(page.getContent()).extracting(Tag::getId).containsExactly(first.getId());
        assertThat(page.getTotalElements()).isEqualTo(2);
        assertThat(tags.existsByStoreIdAndName(store.getId(), first.getName())).isTrue();
        assertThat(tags.existsByStoreIdAndName(next.getId(), first.getName())).isFalse();
    }

    @Test
    void deletingATagDeletesItsLinksButNotItsItems() {
        Store store = store();
        Item item = item(store);
        Tag tag = tag(store);
        tags.linkItem(item.getId(), tag.getId());

        assertThat(tags.deleteTagById(tag.getId())).isEqualTo(1);

        assertThat(links(item, tag)).isZero();
        assertThat(items.existsById(item.getId())).isTrue();
        assertThat(tags.deleteTagById(tag.getId())).isZero();
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

    private int links(Item item, Tag tag) {
        return jdbc.queryForObject("select count(*) from items_tags where item_id = ? and tag_id = ?", Integer.class,
                item.getId(), tag.getId());
    }

    private static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
