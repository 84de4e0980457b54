package dev.storesapi.user;

import dev.storesapi.web.ApiDocs;
import dev.storesapi.web.MessageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping("/me")
    @Operation(summary = "The caller's own account, with email")
    UserResponse me(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return users.view(caller.userId(), caller.userId(), caller.admin());
    }

    @GetMapping("/{user_id}")
    @Operation(summary = "A user; the email only for the user themself or an admin")
    @ApiDocs.Responses({404})
    UserResponse get(@PathVariable("user_id") @Positive long userId,
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return users.view(userId, caller.userId(), caller.admin());
    }

    @DeleteMapping("/{user_id}")
    @Operation(summary = "Delete a user and revoke all their tokens")
    @ApiDocs.Responses({404})
    MessageResponse delete(@PathVariable("user_id") @Positive long userId) {
        users.delete(userId);
        return new MessageResponse("User deleted.");
    }
}
