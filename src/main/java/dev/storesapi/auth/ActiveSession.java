package dev.storesapi.auth;

import dev.storesapi.user.Role;
import java.util.UUID;

/** A session that is neither revoked nor expired, with its user's current role. */
public record ActiveSession(UUID sessionId, Long userId, Role role) {
}
