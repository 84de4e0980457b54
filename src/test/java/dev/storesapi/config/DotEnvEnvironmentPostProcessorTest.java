package dev.storesapi.config;

import dev.storesapi.error.InvalidConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A local .env file holds environment variables, under the same names as the real ones (docs/configuration.md). */
class DotEnvEnvironmentPostProcessorTest {

    @TempDir
    Path directory;

    @Test
    void springStyleNamesWorkAsTheyDoInTheEnvironment() throws IOException {
        StandardEnvironment environment = withDotEnv(Map.of(), """
                # local settings
                SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5432/stores
                SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES=10\\.1\\.2\\.3
                """);

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://localhost:5432/stores");
        assertThat(environment.getProperty("server.tomcat.remoteip.internal-proxies")).isEqualTo("10\\.1\\.2\\.3");
    }

    @Test
    void theProfileInDotEnvIsActivated() throws IOException {
        StandardEnvironment environment = withDotEnv(Map.of(), "SPRING_PROFILES_ACTIVE=prod\n");

        ConfigDataEnvironmentPostProcessor.applyTo(environment);

        assertThat(environment.getActiveProfiles()).containsExactly("prod");
    }

    @Test
    void databaseUrlInDotEnvBecomesTheDatasource() throws IOException {
        StandardEnvironment environment = withDotEnv(Map.of(), "DATABASE_URL=postgres://u:p@db:5432/app\n");

        new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("stores.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/app");
    }

    @Test
    void realEnvironmentVariablesWin() throws IOException {
        StandardEnvironment environment = withDotEnv(Map.of("PORT", "9000"), "PORT=8081\nDATA_DIR=/tmp/stores\n");

        assertThat(environment.getProperty("PORT")).isEqualTo("9000");
        assertThat(environment.getProperty("DATA_DIR")).isEqualTo("/tmp/stores");
    }

    @Test
    void valuesAreReadAsDockerComposeReadsThem() throws IOException {
        StandardEnvironment environment = withDotEnv(Map.of(), "\uFEFF" + """
                JWT_SECRET_KEY=c2VjcmV0IGtleSBvZiB0aGlydHktdHdvIGJ5dGVzISE=
                MAIL_FROM="Stores API <no-reply@mg.example.com>"  # the sender
                ADMIN_PASSWORD='back\\slash # not a comment'
                  ADMIN_USERNAME = admin
                export ADMIN_EMAIL=admin@example.com
                PORT=8081 # the local port
                METRICS_TOKEN=abc#def
                EMPTY=
                """.replace("\n", "\r\n"));

        assertThat(environment.getProperty("JWT_SECRET_KEY")).isEqualTo("c2VjcmV0IGtleSBvZiB0aGlydHktdHdvIGJ5dGVzISE=");
        assertThat(environment.getProperty("MAIL_FROM")).isEqualTo("Stores API <no-reply@mg.example.com>");
        assertThat(environment.getProperty("ADMIN_PASSWORD")).isEqualTo("back\\slash # not a comment");
        assertThat(environment.getProperty("ADMIN_USERNAME")).isEqualTo("admin");
        assertThat(environment.getProperty("ADMIN_EMAIL")).isEqualTo("admin@example.com");
        assertThat(environment.getProperty("PORT")).isEqualTo("8081");
        assertThat(environment.getProperty("METRICS_TOKEN")).isEqualTo("abc#def");
        assertThat(environment.getProperty("EMPTY")).isEmpty();
    }

    @Test
    void springAotProcessingIgnoresTheFile() throws IOException {
        System.setProperty(AbstractAotProcessor.AOT_PROCESSING, "true");
        try {
            assertThat(withDotEnv(Map.of(), "PORT=8081\n").getPropertySources()
                    .contains(DotEnvEnvironmentPostProcessor.SOURCE_NAME)).isFalse();
        } finally {
            System.clearProperty(AbstractAotProcessor.AOT_PROCESSING);
        }
    }

    @Test
    void runsBeforeConfigDataAndIsRegistered() throws IOException {
        assertThat(new DotEnvEnvironmentPostProcessor().getOrder()).isLessThan(ConfigDataEnvironmentPostProcessor.ORDER);
        assertThat(new String(getClass().getResourceAsStream("/META-INF/spring.factories").readAllBytes(),
                StandardCharsets.UTF_8)).contains(DotEnvEnvironmentPostProcessor.class.getName());
    }

    @Test
    void aLineThatIsNotAVariableStopsStartUpWithItsNumberButNotItsText() throws IOException {
        assertThatThrownBy(() -> withDotEnv(Map.of(), "PORT=8080\nhunter2-secret\n"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageEndingWith(".env line 2 is not NAME=value.")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> withDotEnv(Map.of(), "=value\n")).isInstanceOf(InvalidConfigurationException.class);
        assertThatThrownBy(() -> withDotEnv(Map.of(), "MY VAR=value\n")).isInstanceOf(InvalidConfigurationException.class);
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedClearly() throws IOException {
        Files.write(directory.resolve(".env"), new byte[] {'A', '=', (byte) 0xff, '\n'});

        assertThatThrownBy(() -> process(new StandardEnvironment()))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageEndingWith("is not UTF-8 text.");
    }

    @Test
    void withoutAFileNothingChanges() {
        StandardEnvironment environment = new StandardEnvironment();
        int sources = environment.getPropertySources().size();

        process(environment);

        assertThat(environment.getPropertySources().size()).isEqualTo(sources);
    }

    private StandardEnvironment withDotEnv(Map<String, Object> realVariables, String dotEnv) throws IOException {
        Files.writeString(directory.resolve(".env"), dotEnv);
        StandardEnvironment environment = new StandardEnvironment();
        // The test's own variables in place of this machine's.
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        realVariables));
        process(environment);
        return environment;
    }

    private void process(StandardEnvironment environment) {
        new DotEnvEnvironmentPostProcessor(directory.resolve(".env"))
                .postProcessEnvironment(environment, new SpringApplication());
    }
}
