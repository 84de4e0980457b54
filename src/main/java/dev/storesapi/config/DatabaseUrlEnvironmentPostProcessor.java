package dev.storesapi.config;

import dev.storesapi.error.InvalidConfigurationException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Reads DATABASE_URL (docs/configuration.md) into {@code stores.datasource.*}, which application.yml uses as the
 * defaults of {@code spring.datasource.*}. Being a default, every explicit SPRING_DATASOURCE_* setting
 * still wins, one property at a time. Runs after config data, so DATABASE_URL may also come from .env.
 */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "databaseUrl";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String value = environment.getProperty("DATABASE_URL");
        if (!StringUtils.hasText(value)) {
            // application.yml falls back to the embedded H2 database, which prod must never use.
            boolean embedded = environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
            if (environment.matchesProfiles("prod") && embedded) {
                throw new InvalidConfigurationException("DATABASE_URL is not set, and the prod profile requires it "
                        + "(the embedded database is for local runs only).",
                        "Set DATABASE_URL to your PostgreSQL URL, e.g. postgres://user:password@host:5432/database");
            }
            return;
        }
        DatabaseUrl url = DatabaseUrl.parse(value);
        Map<String, Object> properties = new HashMap<>();
        properties.put("stores.datasource.url", url.jdbcUrl());
        // Empty rather than absent, so the embedded database's default user "sa" is not sent to PostgreSQL.
        properties.put("stores.datasource.username", url.username() == null ? "" : url.username());
        properties.put("stores.datasource.password", url.password() == null ? "" : url.password());
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, properties));
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
