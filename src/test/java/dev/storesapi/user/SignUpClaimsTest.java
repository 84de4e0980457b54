package dev.storesapi.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.storesapi.error.ServiceUnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Concurrent sign-ups of one username or email in an instance take turns (RegistrationBurstIT over HTTP). */
class SignUpClaimsTest {

    private final SignUpClaims claims = new SignUpClaims(Duration.ofSeconds(10));
    private final ExecutorService others = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopOthers() {
        others.shutdownNow();
    }

    /** The second sign-up shares the email, or the username, of one in flight. */
    @ParameterizedTest
    @CsvSource({"bob, shared@example.com", "alice, other@example.com"})
    void aSignUpOfANameOrEmailInFlightIsWaitedForUntilItIsOver(String username, String email) {
        SignUpClaims.Claim first = claims.claim("alice", "shared@example.com");
        CompletableFuture<SignUpClaims.Claim> second = claimElsewhere(username, email);

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !second.isDone());
        first.close();
        await().atMost(Duration.ofSeconds(5)).until(second::isDone);
    }

    @Test
    void signUpsOfOtherNamesAndEmailsGoAhead() {
        try (SignUpClaims.Claim first = claims.claim("alice", "alice@example.com");
                SignUpClaims.Claim second = claims.claim("bob", "bob@example.com");
                // A username that reads like another's email is another key.
                SignUpClaims.Claim third = claims.claim("bob@example.com", "carol@example.com")) {
            assertThat(second).isNotNull();
            assertThat(third).isNotNull();
        }
    }

    @Test
    void aSignUpStillInFlightAfterTheLongestWaitIsNoLongerWaitedFor() {
        SignUpClaims shortWait = new SignUpClaims(Duration.ofMillis(100));
        SignUpClaims.Claim stuck = shortWait.claim("alice", "alice@example.com");

        CompletableFuture<SignUpClaims.Claim> next = CompletableFuture.supplyAsync(
                () -> shortWait.claim("alice", "alice@example.com"), others);

        await().atMost(Duration.ofSeconds(5)).until(next::isDone);
        stuck.close();
    }

    @Test
    void aWaitInterruptedByShutdownIsAServiceUnavailable() {
        SignUpClaims.Claim first = claims.claim("alice", "alice@example.com");
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> claims.claim("alice", "alice@example.com"))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
        first.close();
    }

    private CompletableFuture<SignUpClaims.Claim> claimElsewhere(String username, String email) {
        return CompletableFuture.supplyAsync(() -> claims.claim(username, email), others);
    }
}
