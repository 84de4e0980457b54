package dev.storesapi.config;

import dev.storesapi.error.InvalidConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Reads a {@code .env} file in the working directory as more environment variables, just below the
 * real ones (docs/configuration.md "The .env file"). As a SystemEnvironmentPropertySource, so that
 * every name the docs give works the same in both places: SPRING_PROFILES_ACTIVE and
 * SPRING_DATASOURCE_URL as well as DATABASE_URL. Before config data, which reads the profiles.
 * The format is the part of docker compose's that compose.yaml needs, as compose reads the same file:
 * NAME=value lines (optionally after "export "), # comments, values optionally in matching quotes.
 * Not while Spring AOT generates the image's bean definitions: a developer's file must not shape them.
 */
public class DotEnvEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "dotEnvFile";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final Path file;

    public DotEnvEnvironmentPostProcessor() {
        this(Path.of(".env"));
    }

    DotEnvEnvironmentPostProcessor(Path file) {
        this.file = file;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Files.isRegularFile(file) || Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
            return;
        }
        SystemEnvironmentPropertySource variables = new SystemEnvironmentPropertySource(SOURCE_NAME, read());
        MutablePropertySources sources = environment.getPropertySources();
        if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
        } else {
            sources.addLast(variables);
        }
    }

    private Map<String, Object> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException notUtf8) {
            throw new InvalidConfigurationException(file + " is not UTF-8 text.", "Save it as UTF-8.");
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read " + file, unreadable);
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).replaceFirst("^\uFEFF", "").strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int equals = line.indexOf('=');
            String name = equals < 0 ? "" : line.substring(0, equals).strip();
            // The line itself is never quoted back: it may hold a secret.
            if (!NAME.matcher(name).matches()) {
                throw new InvalidConfigurationException(file + " line " + number + " is not NAME=value.",
                        "Write one variable per line as NAME=value, or start the line with # to make it a comment.");
            }
            variables.put(name, value(line.substring(equals + 1).strip()));
        }
        return variables;
    }

    /** In quotes: what they enclose, as it is. Else: up to a " #" comment. */
    private static String value(String text) {
        if (!text.isEmpty() && (text.charAt(0) == '"' || text.charAt(0) == '\'')) {
            int closing = text.indexOf(text.charAt(0), 1);
            if (closing > 0) {
                return text.substring(1, closing);
            }
        }
        int comment = text.indexOf(" #");
        return (comment < 0 ? text : text.substring(0, comment)).strip();
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER - 1;
    }
}
