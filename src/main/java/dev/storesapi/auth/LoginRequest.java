package dev.storesapi.auth;

import dev.storesapi.web.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record LoginRequest(
        @Schema(example = "jose", maxLength = 80) @NotNull @Size(max = 80) @PlainText String username,
        @Schema(example = "correct horse battery staple", format = "password") @NotNull @Size(max = 128) String password) {

    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", password=***]";
    }
}
