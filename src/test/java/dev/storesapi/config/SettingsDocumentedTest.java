package dev.storesapi.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every environment variable the project reads is in .env.example and in docs/configuration.md's
 * table: the variables application*.yml resolves, the ones Java code asks the environment for by
 * name, and the ones docker-entrypoint.sh and compose.yaml read. The table's defaults are
 * application.yml's, where each setting has its one default.
 */
class SettingsDocumentedTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    /** A variable with a literal default, {@code ${JWT_ACCESS_TTL:15m}}, not one nested in another's default. */
    private static final Pattern PLACEHOLDER_DEFAULT = Pattern.compile("(?<!:)\\$\\{([A-Z][A-Z0-9_]*):([^${}]+)}");
    private static final List<Path> CONFIGURATION_FILES = List.of(Path.of("src/main/resources/application.yml"),
            Path.of("src/main/resources/application-prod.yml"));
    private static final Pattern LOOKUP = Pattern.compile("getProperty\\(\"([A-Z][A-Z0-9_]*)\"");
    /** Read by the scripts, set by the image or the machine rather than by a user. */
    private static final Set<String> NOT_SETTINGS = Set.of(
            "APP_HOME", // the image's application folder
            "JAVA_HOME", // which JDK runs the jar
            "CGROUP_ROOT"); // where the entrypoint's tests put fake cgroup files
    /** A Spring setting the docs name by its variable: nothing reads it by that name. */
    private static final Set<String> DOCUMENTED_SPRING_SETTINGS = Set.of("SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES");

    @Test
    void everySettingIsInDotEnvExampleAndInTheConfigurationTable() throws IOException {
        Set<String> settings = settingsRead();
        String dotEnvExample = Files.readString(Path.of(".env.example"));
        String table = Files.readString(Path.of("docs/configuration.md")).lines()
                .filter(line -> line.startsWith("| ")).reduce("", (all, line) -> all + line + "\n");

        assertThat(settings).as("found by this test's patterns").contains("DATABASE_URL", "PORT", "JAVA_OPTS", "APP_PORT");
        assertThat(settings).allSatisfy(name -> {
            assertThat(dotEnvExample).as(".env.example has %s", name)
                    .containsPattern("(?m)^(# )?" + name + "=");
            assertThat(table).as("docs/configuration.md's table has %s", name).contains("`" + name + "`");
        });
    }

    @Test
    void theConfigurationTableGivesTheDefaultsOfApplicationYml() throws IOException {
        Map<String, String> defaults = new TreeMap<>();
        for (Path file : CONFIGURATION_FILES) {
            Matcher matcher = PLACEHOLDER_DEFAULT.matcher(Files.readString(file));
            while (matcher.find()) {
                defaults.put(matcher.group(1), matcher.group(2));
            }
        }
        List<String> table = Files.readString(Path.of("docs/configuration.md")).lines()
                .filter(line -> line.startsWith("| `")).toList();

        assertThat(defaults).as("found by this test's pattern").containsEntry("JWT_ACCESS_TTL", "15m");
        assertThat(defaults).allSatisfy((name, value) -> assertThat(table)
                .as("docs/configuration.md's row of %s gives its default `%s`", name, value)
                .anyMatch(row -> row.split(" \\| ")[0].contains("`" + name + "`") && row.contains("`" + value + "`")));
    }

    private static Set<String> settingsRead() throws IOException {
        Set<String> names = new TreeSet<>(DOCUMENTED_SPRING_SETTINGS);
        for (Path file : Stream.concat(CONFIGURATION_FILES.stream(),
                Stream.of(Path.of("docker-entrypoint.sh"), Path.of("compose.yaml"))).toList()) {
            names.addAll(matches(PLACEHOLDER, Files.readString(file)));
        }
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            sources.filter(Files::isRegularFile).forEach(source -> names.addAll(matches(LOOKUP, read(source))));
        }
        names.removeAll(NOT_SETTINGS);
        return names;
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
