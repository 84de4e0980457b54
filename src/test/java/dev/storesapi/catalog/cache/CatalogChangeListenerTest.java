package dev.storesapi.catalog.cache;

import org.junit.jupiter.api.Test;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogChangeListenerTest {

    @Test
    void aListenerThatNeverConnectedHearsNothing() throws InterruptedException {
        CatalogChangeListener listener = listenerOn("jdbc:postgresql://127.0.0.1:1/nowhere");
        listener.start();
        try {
            assertThat(listener.hearing()).as("before any proof").isFalse();
            Thread.sleep(1_500); // several failed connection attempts
            assertThat(listener.hearing()).as("after failed attempts").isFalse();
        } finally {
            listener.stop();
        }
    }

    @Test
    void onTheEmbeddedDatabaseNothingListensAndNothingIsMissed() {
        CatalogChangeListener listener = listenerOn("jdbc:h2:mem:catalog");
        listener.start();

        assertThat(listener.onPostgres()).isFalse();
        assertThat(listener.hearing()).isTrue();
        listener.stop();
    }

    private static CatalogChangeListener listenerOn(String url) {
        DataSourceProperties dataSource = new DataSourceProperties();
        dataSource.setUrl(url);
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        return new CatalogChangeListener(new CatalogVersions(), dataSource,
                new CatalogCacheProperties(true, DataSize.ofMegabytes(16), ""), new MockEnvironment());
    }
}
