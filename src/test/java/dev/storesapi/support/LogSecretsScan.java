package dev.storesapi.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every integration test (its own failsafe execution, see pom.xml) and reads what the
 * applications they started logged (target/failsafe-reports/*-output.txt): no password, JWT
 * signing key, token, scrape token or database password that the tests used may appear in any
 * line (docs/security.md).
 */
class LogSecretsScan {

    private static final Path REPORTS = Path.of("target", "failsafe-reports");
    /** The passwords support/Accounts makes up for every user it registers. */
    private static final Pattern USER_PASSWORD = Pattern.compile("pw-[0-9a-f]{8}-[0-9a-f]{4}-");
    /** A JWT: base64url JSON header and claims ({"... is eyJ...). */
    private static final Pattern ISSUED_TOKEN = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}");

    @Test
    void noSecretTheTestsUsedIsInTheLogsOfTheWholeRun() throws IOException {
        List<Path> logs;
        try (Stream<Path> files = Files.list(REPORTS)) {
            logs = files.filter(file -> file.getFileName().toString().endsWith("-output.txt")).sorted().toList();
        }
        List<String> found = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (Path log : logs) {
            String text = Files.readString(log);
            all.append(text);
            // The JWT keys, passwords and the scrape token of the tests (deploy/EntrypointIT's too).
            for (String secret : List.of(TestSecrets.JWT_SECRET_KEY, TestSecrets.ADMIN_PASSWORD,
                    TestSecrets.DATABASE_PASSWORD, TestSecrets.SMTP_PASSWORD, TestSecrets.METRICS_TOKEN,
                    TestSecrets.MAILGUN_API_KEY, TestSecrets.ENTRYPOINT_JWT_SECRET_KEY)) {
                if (text.contains(secret)) {
                    found.add(log.getFileName() + ": " + secret);
                }
            }
            Matcher password = USER_PASSWORD.matcher(text);
            if (password.find()) {
                found.add(log.getFileName() + ": a user's password " + password.group());
            }
            Matcher token = ISSUED_TOKEN.matcher(text);
            if (token.find()) {
                found.add(log.getFileName() + ": a token " + token.group());
            }
        }

        assertThat(found).isEmpty();
        // Not vacuous: the applications logged, their database URLs included (Hibernate's HHH10001005).
        assertThat(logs).isNotEmpty();
        assertThat(all).contains("HHH10001005");
    }
}
