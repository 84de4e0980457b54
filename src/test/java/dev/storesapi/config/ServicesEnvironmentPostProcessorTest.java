package dev.storesapi.config;

import dev.storesapi.error.InvalidConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServicesEnvironmentPostProcessorTest {

    @Test
    void withoutSettingsNothingIsConfigured() {
        StandardEnvironment environment = process(Map.of());

        assertThat(environment.getProperty("spring.data.redis.url")).isNull();
        assertThat(environment.getProperty("spring.mail.host")).isNull();
        assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
    }

    @Test
    void mapsRedisUrl() {
        assertThat(process(Map.of("REDIS_URL", "rediss://default:secret@redis.example:6380")).getProperty(
                "spring.data.redis.url")).isEqualTo("rediss://default:secret@redis.example:6380");
    }

    @Test
    void mapsMailSettingsWithAuthenticationWhenAUserIsGiven() {
        StandardEnvironment environment = process(Map.of("MAIL_HOST", "smtp.mailgun.org", "MAIL_PORT", "587",
                "MAIL_USERNAME", "postmaster@mg.example.com", "MAIL_PASSWORD", "secret"));

        assertThat(environment.getProperty("spring.mail.host")).isEqualTo("smtp.mailgun.org");
        assertThat(environment.getProperty("spring.mail.port")).isEqualTo("587");
        assertThat(environment.getProperty("spring.mail.username")).isEqualTo("postmaster@mg.example.com");
        assertThat(environment.getProperty("spring.mail.password")).isEqualTo("secret");
        assertThat(environment.getProperty("spring.mail.properties.mail.smtp.auth")).isEqualTo("true");
        assertThat(environment.getProperty("spring.mail.properties.mail.smtp.starttls.enable")).isEqualTo("true");
        assertThat(environment.getProperty("spring.mail.properties.mail.smtp.starttls.required")).isEqualTo("true");
    }

    @Test
    void credentialsForALocalSinkWithoutTlsNeedAnExplicitOptOut() {
        StandardEnvironment environment = process(Map.of("MAIL_HOST", "localhost", "MAIL_USERNAME", "u",
                "MAIL_PASSWORD", "p", "MAIL_STARTTLS_REQUIRED", "false"));

        assertThat(environment.getProperty("spring.mail.properties.mail.smtp.starttls.required")).isEqualTo("false");
    }

    @Test
    void mailWithoutUserSkipsAuthentication() {
        StandardEnvironment environment = process(Map.of("MAIL_HOST", "localhost"));

        assertThat(environment.getProperty("spring.mail.properties.mail.smtp.auth")).isEqualTo("false");
        assertThat(environment.getProperty("spring.mail.properties.mail.smtp.starttls.required")).isEqualTo("false");
    }

    @Test
    void workerRoleRunsWithoutWebServerAndMigrationsAndConsumes() {
        StandardEnvironment environment = process(Map.of("APP_ROLE", "worker", "REDIS_URL", "redis://localhost:6379",
                "EMAIL_WORKER_ENABLED", "false"));

        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
        assertThat(environment.getProperty("spring.flyway.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("stores.email.worker-enabled")).isEqualTo("true");
    }

    @Test
    void workerRoleNeedsRedis() {
        assertThatThrownBy(() -> process(Map.of("APP_ROLE", "worker")))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("needs Redis");
    }

    @Test
    void refusesUnknownRole() {
        assertThatThrownBy(() -> process(Map.of("APP_ROLE", "cron")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("'web', 'worker' or 'migrate'");
    }

    @Test
    void migrateRoleMigratesWithoutWebServerOrWorker() {
        StandardEnvironment environment = process(Map.of("APP_ROLE", "migrate", "REDIS_URL", "redis://localhost:6379",
                "EMAIL_WORKER_ENABLED", "true"));

        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
        assertThat(environment.getProperty("spring.flyway.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("stores.email.worker-enabled")).isEqualTo("false");
        assertThat(environment.getProperty("stores.role")).isEqualTo("migrate");
    }

    private static StandardEnvironment process(Map<String, Object> osEnvironment) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource("test-os", osEnvironment));
        new ServicesEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
