package dev.storesapi.idempotency;

import java.util.regex.Pattern;

/** Which requests take an Idempotency-Key, and the headers of it (docs/api.md "Retrying a create"). */
public final class IdempotentCreates {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern CREATES = Pattern.compile("/(store|item|register|store/[^/]+/tag|item/[^/]+/tag/[^/]+)");

    private IdempotentCreates() {
    }

    /** Whether a POST to this path (a request's, decoded, or an OpenAPI path template) takes a key. */
    public static boolean appliesTo(String path) {
        return CREATES.matcher(path).matches();
    }
}
