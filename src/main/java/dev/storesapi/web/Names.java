package dev.storesapi.web;

/**
 * Names are stored and returned trimmed (docs/security.md); length rules apply after trimming.
 * Trimming removes spaces of every kind (no-break, em, ideographic...), tabs and line breaks at either
 * end, and nothing else: invisible characters such as a zero-width space or a byte order mark are refused
 * by {@link PlainText} wherever they stand rather than removed, so the rule is the same at the ends as
 * in the middle and no name is silently turned into another.
 */
public final class Names {

    private Names() {
    }

    public static String trim(String name) {
        if (name == null) {
            return null;
        }
        int start = 0;
        int end = name.length();
        while (start < end && isSpace(name.codePointAt(start))) {
            start += Character.charCount(name.codePointAt(start));
        }
        while (end > start && isSpace(name.codePointBefore(end))) {
            end -= Character.charCount(name.codePointBefore(end));
        }
        return name.substring(start, end);
    }

    /** Space, line and paragraph separators (Unicode Z*), tab, carriage return and line feed. */
    private static boolean isSpace(int codePoint) {
        return Character.isSpaceChar(codePoint) || codePoint == '\t' || codePoint == '\r' || codePoint == '\n';
    }
}
