package dev.storesapi.mail;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailRendererTest {

    private final EmailProperties properties = new EmailProperties("Stores <no-reply@example.com>",
            "https://stores.example.com/swagger-ui.html", 5, Duration.ofSeconds(30), Duration.ofMinutes(10),
            "emails", 1000, false, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(5), 8);
    private final EmailRenderer renderer = new EmailRenderer(properties);

    @Test
    void rendersBothPartsGreetingTheUserWithALinkToTheDocs() {
        RenderedEmail email = renderer.render(new EmailJob(1, 7, "jose@example.com", "jose"));

        assertThat(email.to()).isEqualTo("jose@example.com");
        assertThat(email.subject()).isEqualTo("Successfully signed up");
        assertThat(email.text()).contains("Welcome, jose!").contains("https://stores.example.com/swagger-ui.html")
                .doesNotContain("<");
        assertThat(email.html()).startsWith("<!DOCTYPE html>").contains("Welcome, <span>jose</span>!")
                .contains("href=\"https://stores.example.com/swagger-ui.html\"");
    }

    @Test
    void escapesUserTextInTheHtmlPart() {
        RenderedEmail email = renderer.render(new EmailJob(1, 7, "x@example.com",
                "<b>bold</b><script>alert(1)</script>"));

        assertThat(email.html()).contains("&lt;b&gt;bold&lt;/b&gt;&lt;script&gt;")
                .doesNotContain("<b>bold</b>").doesNotContain("<script>");
        assertThat(email.text()).contains("<b>bold</b>");
    }

    @Test
    void backOffDoublesUpToItsCap() {
        assertThat(properties.retryDelayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.retryDelayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.retryDelayAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(properties.retryDelayAfter(50)).isEqualTo(Duration.ofMinutes(10));
    }
}
