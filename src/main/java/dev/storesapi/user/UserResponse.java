package dev.storesapi.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/** Never carries the password hash; the email only when the caller is the user or an admin. */
@Schema(name = "User")
public record UserResponse(
        @Schema(example = "1") Long id,
        @Schema(example = "jose") String username,
        @Schema(example = "jose@example.com", description = "Only shown to the user themself and to admins.")
        @JsonInclude(JsonInclude.Include.NON_NULL) String email) {

    static UserResponse of(User user, boolean showEmail) {
        return new UserResponse(user.getId(), user.getUsername(), showEmail ? user.getEmail() : null);
    }
}
