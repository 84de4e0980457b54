package dev.storesapi.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every @ConfigurationProperties record binds from application.yml alone, and a setting that is
 * not text, given blank (JWT_ACCESS_TTL= with nothing after it), stops start-up naming the setting,
 * rather than reaching the code as null (docs/configuration.md "Where settings live").
 */
class SettingsBindingTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(AllRecords.class);

    @Test
    void everyRecordBindsFromApplicationYmlAlone() {
        context.run(started -> assertThat(started).hasNotFailed());
    }

    @ParameterizedTest
    @MethodSource("settingsOtherThanText")
    void aBlankSettingStopsStartUpNamingIt(String name) {
        String group = name.substring(0, name.lastIndexOf('.'));
        String field = camelCase(name.substring(name.lastIndexOf('.') + 1));
        context.withPropertyValues(name + "=").run(started -> assertThat(started).getFailure().satisfiesAnyOf(
                // Most types take "" as null, which @NotNull refuses by the record's field.
                failure -> assertThat(failure).hasStackTraceContaining("Binding validation errors on " + group)
                        .hasStackTraceContaining("on field '" + field + "': rejected value [null]; codes [NotNull"),
                // A rate limit refuses "" when it is converted.
                failure -> assertThat(failure).hasStackTraceContaining("Failed to bind properties under '" + name + "'")
                        .hasStackTraceContaining("'' is not a rate limit")));
    }

    /** The record component a kebab-case setting binds to: max-retry-delay → maxRetryDelay. */
    private static String camelCase(String kebab) {
        return Pattern.compile("-([a-z])").matcher(kebab).replaceAll(letter -> letter.group(1).toUpperCase(Locale.ROOT));
    }

    /** From the metadata the configuration processor wrote for the records. */
    static List<String> settingsOtherThanText() throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/spring-configuration-metadata.json"))) {
            JsonMapper.builder().build().readTree(in).path("properties").forEach(property -> {
                if (!"java.lang.String".equals(property.path("type").asString())) {
                    names.add(property.path("name").asString());
                }
            });
        }
        assertThat(names).as("found in the metadata").contains("jwt.access-ttl", "stores.rate-limit.enabled");
        return names;
    }

    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan("dev.storesapi")
    static class AllRecords {
    }
}
