package dev.storesapi.config;

import dev.storesapi.error.InvalidConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUrlEnvironmentPostProcessorTest {

    /** What application.yml declares: spring.datasource.* default to stores.datasource.*, else H2. */
    private static final Map<String, Object> APPLICATION_YML = Map.of(
            "spring.datasource.url", "${stores.datasource.url:jdbc:h2:file:./data/stores}",
            "spring.datasource.username", "${stores.datasource.username:sa}",
            "spring.datasource.password", "${stores.datasource.password:}");

    @Test
    void databaseUrlBecomesTheDatasource() {
        StandardEnvironment environment = environment(Map.of(
                "DATABASE_URL", "postgres://stores:p%40ss@db:5432/stores?sslmode=require"));

        process(environment);

        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://db:5432/stores?sslmode=require");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("stores");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("p@ss");
    }

    @Test
    void withoutDatabaseUrlTheEmbeddedDatabaseIsUsed() {
        StandardEnvironment environment = environment(Map.of());

        process(environment);

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:file:./data/stores");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("sa");
    }

    @Test
    void explicitSpringDatasourceSettingsWinOnePropertyAtATime() {
        StandardEnvironment environment = environment(Map.of(
                "DATABASE_URL", "postgres://stores:secret@db:5432/stores",
                "SPRING_DATASOURCE_USERNAME", "admin"));

        process(environment);

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/stores");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("admin");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("secret");
    }

    @Test
    void explicitSpringDatasourceUrlWins() {
        StandardEnvironment environment = environment(Map.of(
                "DATABASE_URL", "postgres://stores:secret@db:5432/stores",
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://other:5432/app"));

        process(environment);

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://other:5432/app");
    }

    @Test
    void databaseUrlWithoutCredentialsSendsNoEmbeddedDefaultUser() {
        StandardEnvironment environment = environment(Map.of("DATABASE_URL", "postgresql://db/stores"));

        process(environment);

        assertThat(environment.getProperty("spring.datasource.username")).isEmpty();
        assertThat(environment.getProperty("spring.datasource.password")).isEmpty();
    }

    @Test
    void prodProfileRefusesTheEmbeddedDatabase() {
        StandardEnvironment environment = environment(Map.of());
        environment.setActiveProfiles("prod");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> process(environment))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("DATABASE_URL is not set, and the prod profile requires it");
    }

    @Test
    void prodProfileAcceptsAnExplicitSpringDatasourceUrl() {
        StandardEnvironment environment = environment(Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://db/app"));
        environment.setActiveProfiles("prod");

        process(environment);

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db/app");
    }

    private static StandardEnvironment environment(Map<String, Object> osEnvironment) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addLast(
                new SystemEnvironmentPropertySource("test-os-environment", osEnvironment));
        environment.getPropertySources().addLast(new MapPropertySource("application.yml", APPLICATION_YML));
        return environment;
    }

    private static void process(StandardEnvironment environment) {
        new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
    }
}
