package dev.storesapi.auth;

import java.util.UUID;

/** What a token that passed {@link JwtService#verify} says. */
record VerifiedToken(long userId, UUID sessionId, boolean fresh) {
}
