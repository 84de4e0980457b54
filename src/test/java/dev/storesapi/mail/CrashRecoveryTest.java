package dev.storesapi.mail;

import dev.storesapi.config.ServicesEnvironmentPostProcessor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a send cut short by a worker's crash (kill -9) is made again: at the first reclaim of its
 * message past the send's claim, not when the claim runs out (EmailDelivery.resendAfterCrash), and
 * docs/email.md says so.
 */
class CrashRecoveryTest {

    /** application.yml with only MAIL_HOST set, as config/ServicesEnvironmentPostProcessor maps it. */
    private static final StandardEnvironment SETTINGS = defaultSettingsWithMailHost();

    /** The defaults of application.yml (EMAIL_RETRY_DELAY 30s, EMAIL_MAX_RETRY_DELAY 10m). */
    private static final EmailProperties DEFAULTS = Binder.get(SETTINGS).bind("stores.email", EmailProperties.class)
            .get();

    /** MAIL_HOST's default timeouts: 5 s to connect, 10 s to read, 10 s to write. */
    private static final EmailSender SMTP_DEFAULTS = new SmtpEmailSender(null, "from@example.com",
            MailConfig.smtpTimeouts(SETTINGS));

    private static final EmailSender MAILGUN = new MailgunEmailSender(new MailgunProperties("key", "mg.example.com",
            "https://api.mailgun.net"), "from@example.com");

    @Test
    void withSmtpsDefaultTimeoutsACrashedSendIsMadeAgainAtTheFourthReclaimAfter450Seconds() {
        EmailDelivery smtp = delivery(SMTP_DEFAULTS, DEFAULTS);

        // Reclaims at 30, 90 and 210 s find the 290 s claim held; the one at 450 s takes the send.
        assertThat(smtp.claimLease()).isEqualTo(Duration.ofSeconds(290));
        assertThat(smtp.resendAfterCrash()).isEqualTo(Duration.ofSeconds(450));
    }

    @Test
    void withMailgunACrashedSendIsMadeAgainAtTheFirstReclaimAfter30Seconds() {
        EmailDelivery mailgun = delivery(MAILGUN, DEFAULTS);

        assertThat(mailgun.claimLease()).isEqualTo(Duration.ofSeconds(18));
        assertThat(mailgun.resendAfterCrash()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aReclaimExactlyAtTheClaimsLengthIsTooEarlyBecauseTheClaimWasTakenAfterTheRead() {
        // The shortest claim (10 s) and a first reclaim after 10 s: the next one, 20 s later, takes the send.
        EmailDelivery logged = delivery(new LoggingEmailSender(), withRetryDelay(Duration.ofSeconds(10)));

        assertThat(logged.claimLease()).isEqualTo(Duration.ofSeconds(10));
        assertThat(logged.resendAfterCrash()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void docsEmailStatesTheClaimsAndTheCrashRecoveryTimesTheCodeWorksOut() throws IOException {
        String claims = paragraph(Files.readString(Path.of("docs/email.md")), "- **Claims**");
        EmailDelivery smtp = delivery(SMTP_DEFAULTS, DEFAULTS);
        EmailDelivery mailgun = delivery(MAILGUN, DEFAULTS);

        assertThat(claims)
                .contains("SMTP's default timeouts: a claim of " + seconds(smtp.claimLease()) + ", sent again "
                        + seconds(smtp.resendAfterCrash()) + " after")
                .contains("Mailgun: a claim of " + seconds(mailgun.claimLease()) + ", sent again "
                        + seconds(mailgun.resendAfterCrash()) + " after")
                .doesNotContain("about 5 minutes");
    }

    private static StandardEnvironment defaultSettingsWithMailHost() {
        StandardEnvironment environment = new StandardEnvironment();
        // Only what the test gives: not this machine's own variables.
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("variables",
                Map.of("MAIL_HOST", "smtp.example.com")));
        try {
            new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        new ServicesEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    private static EmailDelivery delivery(EmailSender sender, EmailProperties properties) {
        // Neither renders nor records anything here: only the timings are asked for.
        return new EmailDelivery(null, sender, null, properties, new SimpleMeterRegistry());
    }

    private static EmailProperties withRetryDelay(Duration retryDelay) {
        return new EmailProperties("Stores <no-reply@example.com>", "https://stores.example.com/swagger-ui.html", 5,
                retryDelay, Duration.ofMinutes(10), "emails", 1000L, true, Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofMinutes(5), 8, Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofMinutes(1));
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }

    /** The list item of docs/email.md starting with {@code start}, its lines joined by spaces. */
    private static String paragraph(String markdown, String start) {
        int from = markdown.indexOf(start);
        assertThat(from).as("docs/email.md has %s", start).isNotNegative();
        int to = markdown.indexOf("\n- ", from + 1);
        return markdown.substring(from, to < 0 ? markdown.length() : to).replaceAll("\\s*\n\\s*", " ");
    }
}
