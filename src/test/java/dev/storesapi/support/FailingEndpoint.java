package dev.storesapi.support;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only route that fails with an internal message, to prove a 500 never shows it. */
@RestController
class FailingEndpoint {

    @GetMapping("/test-only/failure")
    String fail() {
        throw new IllegalStateException("SELECT password FROM users -- at dev.storesapi.Secret.leak()");
    }
}
