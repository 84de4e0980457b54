package dev.storesapi.user;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record RegisterRequest(
        @Schema(example = "jose", minLength = 3, maxLength = 80, pattern = "^[A-Za-z0-9_.-]+$")
        @NotNull @Size(min = 3, max = 80)
        @Pattern(regexp = "^[A-Za-z0-9_.-]*$", message = "may contain only letters, digits, '_', '.' and '-'")
        String username,

        @Schema(example = "jose@example.com", maxLength = 254)
        @NotBlank @Email @Size(max = 254) String email,

        @Schema(example = "correct horse battery staple", minLength = 8, maxLength = 128, format = "password")
        @NotNull @Size(min = 8, max = 128) String password) {

    public RegisterRequest {
        email = email == null ? null : email.strip();
    }

    @Override
    public String toString() {
        return "RegisterRequest[username=" + username + ", email=" + email + ", password=***]";
    }
}
