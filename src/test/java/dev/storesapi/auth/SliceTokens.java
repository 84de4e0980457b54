package dev.storesapi.auth;

import static org.mockito.BDDMockito.given;

import dev.storesapi.user.Role;
import java.util.Optional;
import java.util.UUID;

/**
 * Tokens of a live login for a {@code support/ApiSlice} test, signed by the real JwtService: the
 * stand-in AuthService is told that the token's session is active.
 */
public final class SliceTokens {

    private SliceTokens() {
    }

    /** A fresh access token of an admin whose session the stand-in {@code auth} reports active. */
    public static String admin(JwtService jwt, AuthService auth, long userId) {
        UUID session = UUID.randomUUID();
        given(auth.findActiveSession(session)).willReturn(Optional.of(new ActiveSession(session, userId, Role.ADMIN)));
        return jwt.accessToken(userId, session, true, true);
    }
}
