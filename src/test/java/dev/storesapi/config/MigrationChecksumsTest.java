package dev.storesapi.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

/**
 * A released migration never changes: every database that applied it keeps its checksum, and
 * Flyway refuses to start when a file no longer matches. Rewording a comment is possible only
 * with a word that keeps the checksum (see the last comment line of V2 to V6). A new migration
 * adds its line here.
 */
class MigrationChecksumsTest {

    private static final Map<String, Integer> RELEASED = Map.of(
            "1", 1343440437,
            "2", 55809862,
            "3", 1572661224,
            "4", 248616887,
            "5", -510469110,
            "6", 2126962553,
            "7", -552330397);

    @Test
    void everyMigrationHasItsReleasedChecksum() {
        Flyway flyway = Flyway.configure()
                .dataSource("jdbc:h2:mem:migration-checksums", "sa", "")
                .locations("classpath:db/migration")
                .load();

        Map<String, Integer> checksums = Arrays.stream(flyway.info().all())
                .collect(Collectors.toMap(info -> info.getVersion().getVersion(), MigrationInfo::getChecksum));

        assertThat(checksums).isEqualTo(RELEASED);
    }
}
