package dev.storesapi.catalog.item;

import dev.storesapi.catalog.tag.Tag;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/** GET /item filters; null means "any". Given together they combine with AND. */
public record ItemFilter(Long storeId, String tagName) {

    Specification<Item> toSpecification() {
        return (item, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (storeId != null) {
                predicates.add(cb.equal(item.get("store").get("id"), storeId));
            }
            if (tagName != null) {
                Subquery<Long> tagged = query.subquery(Long.class);
                Root<Item> linked = tagged.from(Item.class);
                Join<Item, Tag> tag = linked.join("tags");
                tagged.select(linked.get("id")).where(cb.equal(tag.get("name"), tagName));
                predicates.add(item.get("id").in(tagged));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
