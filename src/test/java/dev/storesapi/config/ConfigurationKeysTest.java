package dev.storesapi.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
 */
class ConfigurationKeysTest {

    private static final List<String> LIBRARY_PREFIXES = List.of("spring.", "server.", "management.", "springdoc.",
            "logging.");

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
        return new YamlPropertySourceLoader().load(file, new ClassPathResource(file)).stream()
                .flatMap(source -> Stream.of(((EnumerablePropertySource<?>) source).getPropertyNames()))
                .map(name -> name.replaceAll("\\[\\d+]", ""))
                .filter(name -> LIBRARY_PREFIXES.stream().anyMatch(name::startsWith))
                .distinct().toList();
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
