package dev.storesapi.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * For the rate limits, which count only requests that can write (docs/security.md): whether a
 * request repeats an Idempotency-Key its caller has already used, which writes nothing again.
 */
@Component
public class IdempotentRepeats {

    private final IdempotencyKeys keys;

    IdempotentRepeats(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /** Only for POST /register, whose keys are the client address's, known before the security chain. */
    public boolean isSignUpRepeat(HttpServletRequest request) {
        var fieldLines = Collections.list(request.getHeaders(IdempotentCreates.KEY_HEADER));
        if (fieldLines.size() != 1) {
            return false;
        }
        String key = fieldLines.getFirst();
        try {
            return key.length() <= IdempotencyKey.MAX_LENGTH
                    && keys.isKnown(IdempotencyFilter.scopeOf(request, "/register"), key);
        } catch (DataAccessException unavailable) {
            // Unknown, so counted; the sign-up itself then meets the outage and gets its 503.
            return false;
        }
    }
}
