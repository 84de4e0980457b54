package dev.storesapi.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A released migration never changes, not even a comment (docs/configuration.md "Database"):
 * every database that applied it keeps its checksum, and Flyway refuses to start when a file no
 * longer matches. The SHA-256 of each file's bytes pins the released text itself, so an edit that
 * happens to keep Flyway's CRC32 fails too. A new migration adds its lines here.
 */
class MigrationChecksumsTest {

    private static final Map<String, Integer> RELEASED = Map.of(
            "1", 1343440437,
            "2", 55809862,
            "3", 1572661224,
            "4", 248616887,
            "5", -510469110,
            "6", 2126962553,
            "7", -552330397,
            "8", 200476976,
            "9", 1782237363);

    private static final Map<String, String> RELEASED_SHA_256 = Map.of(
            "V1__catalog.sql", "7719cfb98d3c6ba55a664bf8c1d22d81ed73f31ced01f999e824187ed7779621",
            "V2__users.sql", "190c6e4a9d2e0835b87ea82b71db53cf3303ae4fca3fc0c32d0133c02ba47fc1",
            "V3__email_outbox.sql", "1c3644b97a54adc084b8dd17d30526ad0df5c73b0caa50314d8228b8baa0cc8d",
            "V4__username_key.sql", "774bc82ffbc1af8ccd1ac3ac3f22487151e6ad4b7b5ebf39d5434ce42bfabb9a",
            "V5__email_outbox_dead.sql", "a39a7721b9352ee060a79b6937c4966785b358649d86a2369c37ac0eb7fcf86d",
            "V6__email_delivery_record.sql", "b165084ea5219f5985936b3f8cc4a50ee4f9b2226ca3debb61e8947505e1a498",
            "V7__outbox_attempts_unused.sql", "fa15aa9d8406fe053ff6ede72d91d0deaf8ba3cd0966ffaf9d0b9f347d82eeda",
            "V8__outbox_rollover_leftovers.sql", "974d1771017390a42afffe1e831f339b15c4702ce9683b1e89b59aa64a3dd550",
            "V9__idempotency_keys.sql", "ea85d154b33bae1f0f5b141f82374184c414c6dd63156586e2dc0be640ca89ca");

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

    @Test
    void everyMigrationIsItsReleasedTextByteForByte() throws Exception {
        Map<String, String> sha256 = new TreeMap<>();
        for (Resource migration : new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql")) {
            try (InputStream in = migration.getInputStream()) {
                sha256.put(migration.getFilename(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())));
            }
        }

        assertThat(sha256).isEqualTo(RELEASED_SHA_256);
    }
}
