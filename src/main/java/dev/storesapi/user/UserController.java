package dev.storesapi.user;

import dev.storesapi.auth.AuthenticatedUser;
import dev.storesapi.auth.OpenApiSecurity;
import dev.storesapi.web.ApiProblems;
import dev.storesapi.web.MessageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/user")
@Tag(name = "Users")
@SecurityRequirement(name = OpenApiSecurity.BEARER)
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping("/me")
    @Operation(summary = "The caller's own account, with email")
    UserResponse me(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedUser caller) {
        return users.view(caller.userId(), caller.userId(), caller.admin());
    }

    @GetMapping("/{user_id}")
    @Operation(summary = "A user; the email only for the user themself or an admin")
    @ApiProblems.Responses({404})
    UserResponse get(@PathVariable("user_id") @Positive long userId,
            @Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedUser caller) {
        return users.view(userId, caller.userId(), caller.admin());
    }

    @DeleteMapping("/{user_id}")
    @Operation(summary = "Delete a user and revoke all their tokens",
            description = "Allowed to the user themself with a fresh token (from /login), or to an admin.")
    @ApiProblems.Responses({403, 404})
    MessageResponse delete(@PathVariable("user_id") @Positive long userId) {
        users.delete(userId);
        return new MessageResponse("User deleted.");
    }
}
