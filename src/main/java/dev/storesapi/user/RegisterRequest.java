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
        @NotBlank @Email @Size(max = 254)
        @Pattern(regexp = ASCII_ADDRESS, message = "must be a plain ASCII address (an internationalised domain in its xn-- form)")
        String email,

        @Schema(example = "correct horse battery staple", minLength = 8, maxLength = 128, format = "password")
        @NotNull @Size(min = 8, max = 128) String password) {

    /**
     * What the mail server will be given, character for character: an ASCII local part and a domain
     * of ASCII labels. Jakarta's @Email alone accepts non-ASCII that the SMTP envelope would rewrite
     * (šdmin@ delivered to admin@).
     */
    static final String ASCII_ADDRESS = "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+"
            + "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$";

    public RegisterRequest {
        email = email == null ? null : email.strip();
    }

    @Override
    public String toString() {
        return "RegisterRequest[username=" + username + ", email=" + email + ", password=***]";
    }
}
