package dev.storesapi.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key our configuration files set for Spring Boot, Actuator, springdoc or logging is one the
 * libraries on the class path still read, by their own configuration metadata. A key deprecated at
 * "error" level is no longer bound at all, and a removed one is simply ignored: either way the
 * setting silently does nothing after an upgrade. Entries of a map-typed property (Hibernate's
 * properties, health groups, observation switches) are free-form to the metadata: only the map
 * itself is checked.
 * <p>
 * The project's own settings are checked against the metadata that spring-boot-configuration-processor
 * generates from the {@code @ConfigurationProperties} records: each key application.yml sets is bound by
 * a record, and each record component has its default in application.yml and nowhere else
 * (docs/configuration.md "Where settings live").
 */
class ConfigurationKeysTest {

    private static final List<String> LIBRARY_PREFIXES = List.of("spring.", "server.", "management.", "springdoc.",
            "logging.");
    private static final List<String> OWN_PREFIXES = List.of("stores.", "jwt.", "admin.");
    private static final Path OWN_METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

    private static final Map<String, JsonNode> METADATA = libraryProperties();

    @ParameterizedTest
    @ValueSource(strings = {"application.yml", "application-prod.yml"})
    void setsOnlyKeysTheLibrariesStillRead(String file) throws IOException {
        List<String> keys = libraryKeys(file);

        assertThat(keys).isNotEmpty().allSatisfy(key -> {
            JsonNode property = propertyOf(key);
            assertThat(property).as("%s: no library on the class path declares it", key).isNotNull();
            assertThat(property.path("deprecation")).as("%s is deprecated", key).isEmpty();
            assertThat(property.path("deprecated").asBoolean(false)).as("%s is deprecated", key).isFalse();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"application.yml", "application-prod.yml"})
    void setsOnlyOwnKeysThatARecordBinds(String file) throws IOException {
        Map<String, JsonNode> own = ownProperties();

        assertThat(keys(file, OWN_PREFIXES)).allSatisfy(key ->
                assertThat(own).as("%s: no @ConfigurationProperties record binds it", key).containsKey(key));
    }

    @Test
    void everyOwnSettingHasItsDefaultInApplicationYmlOnly() throws IOException {
        Map<String, JsonNode> own = ownProperties();
        List<String> defaults = keys("application.yml", OWN_PREFIXES);

        assertThat(own).as("the records' metadata").containsKeys("stores.email.from", "jwt.access-ttl");
        assertThat(own.keySet()).as("settings without a default in application.yml").allMatch(defaults::contains);
        assertThat(own.values()).allSatisfy(property -> {
            String name = property.path("name").asString();
            assertThat(property.path("defaultValue").isMissingNode())
                    .as("%s: a default in its record (a @DefaultValue, or a primitive's 0 or false)", name).isTrue();
            assertThat(property.path("description").asString(""))
                    .as("%s: no description (an @param in its record's javadoc)", name).isNotBlank();
        });
    }

    /** The property itself, or the map-typed property the key is an entry of (spring.jpa.properties.*). */
    private static JsonNode propertyOf(String key) {
        JsonNode exact = METADATA.get(key);
        if (exact != null) {
            return exact;
        }
        return METADATA.entrySet().stream()
                .filter(property -> key.startsWith(property.getKey() + "."))
                .filter(property -> property.getValue().path("type").asString("").startsWith("java.util.Map<"))
                .map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static List<String> libraryKeys(String file) throws IOException {
        return keys(file, LIBRARY_PREFIXES);
    }

    private static List<String> keys(String file, List<String> prefixes) throws IOException {
        return new YamlPropertySourceLoader().load(file, new ClassPathResource(file)).stream()
                .flatMap(source -> Stream.of(((EnumerablePropertySource<?>) source).getPropertyNames()))
                .map(name -> name.replaceAll("\\[\\d+]", ""))
                .filter(name -> prefixes.stream().anyMatch(name::startsWith))
                .distinct().toList();
    }

    /** What the configuration processor wrote for this project's records at compile time. */
    private static Map<String, JsonNode> ownProperties() throws IOException {
        Map<String, JsonNode> properties = new HashMap<>();
        try (InputStream in = Files.newInputStream(OWN_METADATA)) {
            JsonMapper.builder().build().readTree(in).path("properties")
                    .forEach(property -> properties.put(property.path("name").asString(), property));
        }
        return properties;
    }

    private static Map<String, JsonNode> libraryProperties() {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, JsonNode> properties = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
                try (InputStream in = resource.getInputStream()) {
                    json.readTree(in).path("properties")
                            .forEach(property -> properties.putIfAbsent(property.path("name").asString(), property));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the configuration metadata", e);
        }
        return properties;
    }
}
