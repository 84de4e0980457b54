package dev.storesapi.auth;

import dev.storesapi.support.Accounts;
import dev.storesapi.support.Accounts.Tokens;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.IntegrationTest;
import dev.storesapi.support.SecondInstance;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.storesapi.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** docs/api.md "Authentication": a second instance on the same PostgreSQL honours the first one's logins and logouts. */
@IntegrationTest
class TwoInstancesIT {

    private static ConfigurableApplicationContext second;

    @Autowired
    Accounts accounts;

    @BeforeAll
    static void startSecondInstance() {
        second = SecondInstance.start();
    }

    @AfterAll
    static void stopSecondInstance() {
        second.close();
    }

    @Test
    void logoutOnOneInstanceRevokesTheTokensOnTheOther() {
        ApiClient onSecond = new ApiClient(second.getEnvironment());
        Tokens tokens = accounts.login(accounts.register());
        assertThat(onSecond.withToken(tokens.access()).get("/user/me").status()).isEqualTo(200);
        assertThat(onSecond.withToken(tokens.refresh()).post("/refresh").status()).isEqualTo(200);

        assertThat(accounts.anonymous().withToken(tokens.access()).post("/logout").status()).isEqualTo(200);

        assertProblem(onSecond.withToken(tokens.access()).get("/user/me"), 401, "token_revoked");
        assertProblem(onSecond.withToken(tokens.refresh()).post("/refresh"), 401, "token_revoked");
        assertProblem(onSecond.withToken(tokens.access()).post("/store", Map.of("name", "x")), 401, "token_revoked");
    }

    @Test
    void aLoginOnTheSecondInstanceWorksOnTheFirst() {
        ApiClient onSecond = new ApiClient(second.getEnvironment());
        var user = accounts.register();
        String access = onSecond.post("/login", Map.of("username", user.username(), "password", user.password()))
                .json().get("access_token").asString();

        assertThat(accounts.anonymous().withToken(access).get("/user/me").status()).isEqualTo(200);
    }
}
