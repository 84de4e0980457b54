package dev.storesapi.auth;

import dev.storesapi.user.RegisterRequest;
import dev.storesapi.user.UserService;
import dev.storesapi.web.ApiDocs;
import dev.storesapi.web.MessageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Auth")
class AuthController {

    private final UserService users;
    private final AuthService auth;

    AuthController(UserService users, AuthService auth) {
        this.users = users;
        this.auth = auth;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a user")
    @ApiDocs.Responses({409, 429})
    MessageResponse register(@Valid @RequestBody RegisterRequest request) {
        users.register(request);
        return new MessageResponse("User created successfully.");
    }

    @PostMapping("/login")
    @Operation(summary = "Log in: a fresh access token and a refresh token",
            description = "Wrong username and wrong password give the same 401 invalid_credentials.")
    @ApiDocs.Responses({401, 429})
    TokenResponse login(@Valid @RequestBody LoginRequest request) {
        return auth.login(request);
    }

    @PostMapping("/refresh")
    @Operation(summary = "A new, non-fresh access token")
    @ApiDocs.Responses({429})
    TokenResponse refresh(@AuthenticationPrincipal AuthenticatedUser caller) {
        return auth.refresh(caller);
    }

    @PostMapping("/logout")
    @Operation(summary = "Log out: revokes the access token and its refresh token")
    MessageResponse logout(@AuthenticationPrincipal AuthenticatedUser caller) {
        auth.logout(caller);
        return new MessageResponse("Successfully logged out.");
    }
}
