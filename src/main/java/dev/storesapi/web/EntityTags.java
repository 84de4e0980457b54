package dev.storesapi.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one rule for a catalog representation's strong ETag (docs/api.md "Caching and conditional
 * requests"): a hash of the body as sent, its media type and its paging headers. The catalog's GETs
 * tag what they send with {@link #of(byte[], String, String, String)}; a write tags the
 * representation it answers with {@link #of(Object)}, which is what a following GET sends, and
 * compares an If-Match with the tag of the representation as it is ({@link IfMatch}). The catalog
 * produces application/json only, so one media type serves both; its parameters (a charset an
 * Accept header asked for) are left out, as they do not change the bytes.
 */
@Component
public class EntityTags {

    private final JsonMapper json;

    EntityTags(JsonMapper json) {
        this.json = json;
    }

    /** The tag of a single resource's JSON representation, as GET sends it (no paging headers). */
    public String of(Object representation) {
        return of(json.writeValueAsBytes(representation), MediaType.APPLICATION_JSON_VALUE, null, null);
    }

    public static String of(byte[] body, @Nullable String contentType, @Nullable String totalCount,
            @Nullable String link) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException(unavailable);
        }
        sha256.update(body);
        String[][] headers = {{HttpHeaders.CONTENT_TYPE, withoutParameters(contentType)},
                {PagedResponses.TOTAL_COUNT, totalCount}, {HttpHeaders.LINK, link}};
        for (String[] header : headers) {
            sha256.update((header[0] + ':' + (header[1] == null ? "" : header[1]) + '\n').getBytes(StandardCharsets.UTF_8));
        }
        return "\"" + HexFormat.of().formatHex(sha256.digest(), 0, 16) + "\"";
    }

    private static @Nullable String withoutParameters(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getType() + '/' + type.getSubtype();
        } catch (InvalidMediaTypeException unparsable) {
            return contentType;
        }
    }
}
