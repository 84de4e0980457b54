package dev.storesapi.web;

import dev.storesapi.error.MalformedRequestException;
import dev.storesapi.error.PreconditionFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The If-Match precondition of a write (RFC 9110 section 13.1.1; docs/api.md "Conditional writes"):
 * absent (the write is unconditional), {@code *} (the resource must exist), or entity tags, one of
 * which must be the current representation's. Tags compare strongly: a weak tag never matches.
 * Services check it after they have locked the resource, so that check and write are one step.
 */
public final class IfMatch {

    private static final IfMatch ABSENT = new IfMatch(false, false, List.of());
    private static final Pattern ANY = Pattern.compile("[ \t]*\\*[ \t]*");
    public static final String CHANGED = "The resource has changed since you read it: GET it again for its current ETag.";
    public static final String GONE = "The resource in If-Match does not exist.";
    /** The detail of the 428 of a write without If-Match where REQUIRE_IF_MATCH is on. */
    public static final String REQUIRED =
            "This service requires If-Match on writes: send the ETag of the resource as you read it.";

    private final boolean present;
    private final boolean any;
    private final List<String> strongTags;

    private IfMatch(boolean present, boolean any, List<String> strongTags) {
        this.present = present;
        this.any = any;
        this.strongTags = strongTags;
    }

    /**
     * Parses the header's field lines (a client may send several; they form one list). An empty
     * field, a {@code *} beside tags, or anything that is not an entity tag is a 400.
     */
    public static IfMatch parse(List<String> fieldLines) {
        if (fieldLines.isEmpty()) {
            return ABSENT;
        }
        String value = String.join(",", fieldLines);
        if (ANY.matcher(value).matches()) {
            return new IfMatch(true, true, List.of());
        }
        List<String> strong = new ArrayList<>();
        int tags = 0;
        int at = 0;
        // RFC 9110's list: elements separated by commas, with spaces and tabs around them; empty ones skipped.
        boolean expectingTag = true;
        while (at < value.length()) {
            char c = value.charAt(at);
            if (c == ' ' || c == '\t') {
                at++;
                continue;
            }
            if (c == ',') {
                expectingTag = true;
                at++;
                continue;
            }
            if (!expectingTag) {
                throw malformed(); // two tags without a comma between them
            }
            boolean weak = value.startsWith("W/", at);
            int open = weak ? at + 2 : at;
            if (open >= value.length() || value.charAt(open) != '"') {
                throw malformed();
            }
            int close = open + 1;
            while (close < value.length() && isEtagChar(value.charAt(close))) {
                close++;
            }
            if (close >= value.length() || value.charAt(close) != '"') {
                throw malformed();
            }
            if (!weak) {
                strong.add(value.substring(open, close + 1));
            }
            tags++;
            expectingTag = false;
            at = close + 1;
        }
        if (tags == 0) {
            throw malformed(); // RFC 9110 would read an empty list as a condition that fails; it is a client's mistake
        }
        return new IfMatch(true, false, List.copyOf(strong));
    }

    public boolean isPresent() {
        return present;
    }

    /** What a write answers for a resource that does not exist: 412 under If-Match, else {@code notFound}. */
    public RuntimeException whenMissing(RuntimeException notFound) {
        return present ? new PreconditionFailedException(GONE) : notFound;
    }

    /** 412 unless the precondition holds for the resource as it is; {@code currentTag} is asked only if needed. */
    public void check(Supplier<String> currentTag) {
        if (!present || any) {
            return;
        }
        if (strongTags.isEmpty() || !strongTags.contains(currentTag.get())) {
            throw new PreconditionFailedException(CHANGED);
        }
    }

    /** RFC 9110's etagc: visible ASCII except the double quote, and obs-text. */
    private static boolean isEtagChar(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
    }

    private static MalformedRequestException malformed() {
        return new MalformedRequestException("If-Match must be * or a list of entity tags such as \"0a1b2c\".");
    }
}
