package dev.storesapi.mail;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The link to the API docs in the registration email, as application.yml resolves it (docs/configuration.md). */
class EmailLinkSettingTest {

    @Test
    void pointsToTheLocalServiceByDefault() throws IOException {
        assertThat(docsUrlWith(Map.of())).isEqualTo("http://localhost:8080/swagger-ui.html");
    }

    @Test
    void followsTheAddressRenderGivesAWebService() throws IOException {
        assertThat(docsUrlWith(Map.of("RENDER_EXTERNAL_URL", "https://stores-a1b2.onrender.com")))
                .isEqualTo("https://stores-a1b2.onrender.com/swagger-ui.html");
    }

    @Test
    void appDocsUrlWinsOverRendersAddress() throws IOException {
        assertThat(docsUrlWith(Map.of("RENDER_EXTERNAL_URL", "https://stores-a1b2.onrender.com",
                "APP_DOCS_URL", "https://api.example.com/docs"))).isEqualTo("https://api.example.com/docs");
    }

    /** A prompt of Render's left blank may give the variable an empty value. */
    @Test
    void anEmptyAppDocsUrlOrMailFromIsRefusedAtStartUp() throws IOException {
        assertThatThrownBy(() -> Binder.get(environmentWith(Map.of("APP_DOCS_URL", ""))).bind("stores.email",
                EmailProperties.class)).rootCause().hasMessageStartingWith("APP_DOCS_URL is empty");
        assertThatThrownBy(() -> Binder.get(environmentWith(Map.of("MAIL_FROM", " "))).bind("stores.email",
                EmailProperties.class)).rootCause().hasMessageStartingWith("MAIL_FROM is empty");
    }

    private static String docsUrlWith(Map<String, Object> variables) throws IOException {
        return environmentWith(variables).getProperty("stores.email.docs-url");
    }

    private static StandardEnvironment environmentWith(Map<String, Object> variables) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        // Only what the test gives: not this machine's own variables.
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return environment;
    }
}
