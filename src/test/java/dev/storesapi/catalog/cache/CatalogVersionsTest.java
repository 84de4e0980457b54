package dev.storesapi.catalog.cache;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogVersionsTest {

    private final CatalogVersions versions = new CatalogVersions();

    @Test
    void aChangeMakesItsStoresAndEveryListStaleAndNothingElse() {
        long stamp = versions.now();
        versions.storesChanged(7);

        assertThat(versions.unchangedSince(stamp, 7L)).isFalse();
        assertThat(versions.unchangedSince(stamp, null)).as("lists").isFalse();
        assertThat(versions.unchangedSince(stamp, 8L)).as("another store").isTrue();
    }

    @Test
    void aResponseStampedAfterAChangeIsCurrent() {
        versions.storesChanged(7, 9);
        long stamp = versions.now();

        assertThat(versions.unchangedSince(stamp, 7L)).isTrue();
        assertThat(versions.unchangedSince(stamp, 9L)).isTrue();
        assertThat(versions.unchangedSince(stamp, null)).isTrue();
    }

    @Test
    void storesInOneSlotMakeEachOtherStaleWhichIsAMissNotAStaleRead() {
        long stamp = versions.now();
        versions.storesChanged(7 + 4096);

        assertThat(versions.unchangedSince(stamp, 7L)).isFalse();
    }

    @Test
    void everythingChangedMakesEveryResponseStale() {
        long stamp = versions.now();
        versions.allChanged();

        assertThat(versions.unchangedSince(stamp, 1L)).isFalse();
        assertThat(versions.unchangedSince(stamp, null)).isFalse();
        assertThat(versions.unchangedSince(versions.now(), 1L)).isTrue();
    }
}
