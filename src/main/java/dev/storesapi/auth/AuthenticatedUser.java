package dev.storesapi.auth;

import dev.storesapi.user.Caller;
import java.util.UUID;

/** The caller behind a verified token whose session is live; controllers take it as their principal. */
public record AuthenticatedUser(long userId, UUID sessionId, boolean fresh, boolean admin) implements Caller {
}
