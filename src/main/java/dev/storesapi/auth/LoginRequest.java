package dev.storesapi.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

public record LoginRequest(
        @Schema(example = "jose") @NotNull String username,
        @Schema(example = "correct horse battery staple", format = "password") @NotNull String password) {

    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", password=***]";
    }
}
