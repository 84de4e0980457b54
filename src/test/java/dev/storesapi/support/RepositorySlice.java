package dev.storesapi.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A {@code @DataJpaTest} of the repositories on the test JVM's shared embedded PostgreSQL (the
 * queries use PostgreSQL's SQL: {@code on conflict}, {@code for update}, SKIP LOCKED), its schema
 * built by Flyway from the released migrations, as in production. {@code @DataJpaTest} runs Flyway
 * by itself: spring-boot-flyway lists its auto-configuration for
 * {@code @AutoConfigureDataSourceInitialization}, which {@code @DataJpaTest} includes. Each test
 * runs in a transaction rolled back at its end; every class with this annotation shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DataJpaTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@ContextConfiguration(initializers = RepositorySlice.SharedPostgres.class)
public @interface RepositorySlice {

    /** The datasource settings of PostgresInitializer, without the Redis and mail servers a slice does not use. */
    class SharedPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                    "spring.datasource.url=" + TestPostgres.jdbcUrl(),
                    "spring.datasource.username=postgres",
                    "spring.datasource.password=postgres"
            ).applyTo(context.getEnvironment());
        }
    }
}
