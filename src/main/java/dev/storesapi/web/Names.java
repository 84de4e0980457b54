package dev.storesapi.web;

/**
 * Names are stored and returned trimmed (docs/security.md); length rules apply after trimming.
 * Trimming removes what cannot be seen at either end: whitespace, no-break and other Unicode spaces,
 * and format characters such as the zero-width space or a byte order mark, so a name made only of
 * them is blank.
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
        while (start < end && isInvisible(name.codePointAt(start))) {
            start += Character.charCount(name.codePointAt(start));
        }
        while (end > start && isInvisible(name.codePointBefore(end))) {
            end -= Character.charCount(name.codePointBefore(end));
        }
        return name.substring(start, end);
    }

    private static boolean isInvisible(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT || Character.isISOControl(codePoint)
                || isBlankLooking(codePoint);
    }

    /**
     * Letters and marks that render as nothing: Unicode's default-ignorable ones that are not
     * format characters (combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian
     * and other variation selectors) and the blank Braille pattern.
     */
    private static boolean isBlankLooking(int codePoint) {
        return codePoint == 0x034F || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x17B4
                || codePoint == 0x17B5 || (codePoint >= 0x180B && codePoint <= 0x180F) || codePoint == 0x2800
                || codePoint == 0x3164 || codePoint == 0xFFA0 || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
                || (codePoint >= 0xE0100 && codePoint <= 0xE01EF);
    }
}
