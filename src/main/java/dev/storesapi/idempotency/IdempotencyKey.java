package dev.storesapi.idempotency;

import dev.storesapi.error.MalformedRequestException;
import java.util.List;

/**
 * The Idempotency-Key header of a request (draft-ietf-httpapi-idempotency-key-header; docs/api.md
 * "Retrying a create"): one value of 1 to 255 printable ASCII characters, taken as sent.
 */
record IdempotencyKey(String value) {

    static final int MAX_LENGTH = 255;
    static final String DETAIL = "Idempotency-Key must be one value of 1 to " + MAX_LENGTH
            + " printable ASCII characters.";

    /** The key of a request that sent the header (the filter runs only then); a 400 unless it is one valid value. */
    static IdempotencyKey of(List<String> fieldLines) {
        if (fieldLines.size() != 1) {
            throw new MalformedRequestException(DETAIL);
        }
        String value = fieldLines.getFirst();
        if (value.isEmpty() || value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)
                || value.isBlank()) {
            throw new MalformedRequestException(DETAIL);
        }
        return new IdempotencyKey(value);
    }
}
