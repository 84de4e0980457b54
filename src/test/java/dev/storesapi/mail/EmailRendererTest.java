package dev.storesapi.mail;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmailRendererTest {

    private final EmailProperties properties = new EmailProperties("Stores <no-reply@example.com>",
            "https://stores.example.com/swagger-ui.html", 5, Duration.ofSeconds(30), Duration.ofMinutes(10),
            "emails", 1000L, false, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(5), 8, Duration.ofSeconds(1),
            Duration.ofSeconds(10), Duration.ofMinutes(1));
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
    void retryDelaysArePositiveAndTheFirstIsWithinTheCap() {
        assertThatIllegalArgumentException().isThrownBy(() -> withRetryDelays(Duration.ZERO, Duration.ofMinutes(10)));
        assertThatIllegalArgumentException().isThrownBy(() -> withRetryDelays(Duration.ofMinutes(1), Duration.ZERO));
        assertThat(withRetryDelays(Duration.ofSeconds(1), Duration.ofSeconds(1)).retryDelayAfter(3))
                .isEqualTo(Duration.ofSeconds(1));
    }

    private static EmailProperties withRetryDelays(Duration first, Duration cap) {
        return new EmailProperties("Stores <no-reply@example.com>", "https://stores.example.com/swagger-ui.html", 5,
                first, cap, "emails", 1000L, false, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(5), 8, Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofMinutes(1));
    }

    @Test
    void backOffDoublesUpToItsCap() {
        assertThat(properties.retryDelayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.retryDelayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.retryDelayAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(properties.retryDelayAfter(50)).isEqualTo(Duration.ofMinutes(10));
    }
}
