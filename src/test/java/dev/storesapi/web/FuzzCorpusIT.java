package dev.storesapi.web;

import dev.storesapi.support.Accounts;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.FuzzCorpus;
import dev.storesapi.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile requests of {@link FuzzCorpus}, as an admin with a fresh token so that each request
 * gets as far into the service as it can (docs/security.md). Not one may answer 5xx (but 501 or
 * 505 to a method or HTTP version Tomcat does not implement), and every error is problem+json with
 * an {@code error} code.
 */
@IntegrationTest
class FuzzCorpusIT {

    @Autowired
    Accounts accounts;

    @Test
    void noRequestOfTheCorpusGetsAServerErrorAndEveryErrorIsAProblem() {
        String token = accounts.adminLogin().access();
        ApiClient api = accounts.anonymous().withToken(token);
        List<FuzzCorpus.Request> corpus = FuzzCorpus.requests();
        List<String> failures = new ArrayList<>();
        for (FuzzCorpus.Request request : corpus) {
            FuzzCorpus.Answer answer = FuzzCorpus.send(api, token, request);
            if (!answered(answer.status()) || (answer.status() >= 400 && !answer.isProblem())) {
                failures.add(request + " -> " + answer.status() + " " + answer.body());
            }
        }

        assertThat(corpus).hasSizeGreaterThan(900);
        assertThat(failures).isEmpty();
    }

    /** No 5xx but the two that name what Tomcat does not implement (a method, an HTTP version). */
    private static boolean answered(int status) {
        return status > 0 && (status < 500 || status == 501 || status == 505);
    }
}
