package dev.storesapi.web;

import java.util.List;

/**
 * Characters that show nothing where they stand, so two names that differ only by them look the same
 * ("abc" and "a\u200Bbc"). A name or username may hold none of them, wherever they are (docs/security.md
 * "Input."): refusing is safer than removing, which would silently turn one name into another.
 * <p>
 * Invisible are: control characters; every format character (Unicode category Cf: zero-width space,
 * non-joiner and joiner, word joiner, soft hyphen, byte order mark, bidirectional marks, embeddings,
 * overrides and isolates, tag characters...); line and paragraph separators; lone surrogates; and the
 * letters, marks and symbols that are drawn as nothing (variation selectors, Hangul fillers, the
 * combining grapheme joiner, Khmer inherent vowels, the blank Braille pattern, unassigned code points
 * Unicode reserves as ignorable).
 * <p>
 * Three of them are the glue of emoji and are allowed there, and only there:
 * <ul>
 * <li>a zero-width joiner between two pictographs (👩‍💻, 🏳️‍🌈, 👩🏽‍💻: the first may carry an emoji
 * variation selector or a skin tone);</li>
 * <li>a variation selector where it changes how an emoji is drawn: U+FE0F after an emoji drawn as
 * text by default (❤️), U+FE0E after one drawn as an emoji by default (😀︎), either in a keycap (1️⃣);
 * anywhere else it would change nothing one can see ("😀\uFE0F" is "😀");</li>
 * <li>tag characters spelling the flags of England, Scotland or Wales after 🏴, the only tag sequences
 * emoji fonts draw (any other would show as a plain black flag).</li>
 * </ul>
 * The emoji rules are structural, not the list of sequences fonts know: a joiner between two emoji that
 * have no combined picture ("❤‍❤") is allowed and shows as the two emoji. Also refused, as elsewhere: the
 * non-joiner and joiner that Persian and Indic spelling use between letters, and the selectors of CJK
 * ideograph variants; such names are written without them.
 */
final class InvisibleCharacters {

    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final int TEXT_PRESENTATION = 0xFE0E;
    private static final int EMOJI_PRESENTATION = 0xFE0F;
    private static final int COMBINING_KEYCAP = 0x20E3;

    private static final List<String> SUBDIVISION_FLAGS = List.of(flag("gbeng"), flag("gbsct"), flag("gbwls"));

    private InvisibleCharacters() {
    }

    static boolean foundIn(String text) {
        int i = 0;
        while (i < text.length()) {
            int flagLength = subdivisionFlagLengthAt(text, i);
            if (flagLength > 0) {
                i += flagLength;
                continue;
            }
            int codePoint = text.codePointAt(i);
            if (isInvisible(codePoint) && !gluesEmoji(text, i, codePoint)) {
                return true;
            }
            i += Character.charCount(codePoint);
        }
        return false;
    }

    private static boolean isInvisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> true;
            default -> isDrawnAsNothing(codePoint);
        };
    }

    /** Unicode's default-ignorable code points outside category Cf, and the blank Braille pattern. */
    private static boolean isDrawnAsNothing(int codePoint) {
        return codePoint == 0x034F || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x17B4
                || codePoint == 0x17B5 || (codePoint >= 0x180B && codePoint <= 0x180F) || codePoint == 0x2065
                || codePoint == 0x2800 || codePoint == 0x3164 || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
                || codePoint == 0xFFA0 || (codePoint >= 0xFFF0 && codePoint <= 0xFFF8)
                || (codePoint >= 0xE0000 && codePoint <= 0xE0FFF);
    }

    private static boolean gluesEmoji(String text, int index, int codePoint) {
        int next = index + Character.charCount(codePoint);
        int after = next < text.length() ? text.codePointAt(next) : -1;
        if (codePoint == ZERO_WIDTH_JOINER) {
            return pictographEndsAt(text, index) && Character.isExtendedPictographic(after);
        }
        int before = index > 0 ? text.codePointBefore(index) : -1;
        if (isKeycapBase(before) && (codePoint == EMOJI_PRESENTATION || codePoint == TEXT_PRESENTATION)) {
            return after == COMBINING_KEYCAP;
        }
        // Only where it changes how the emoji is drawn: "😀\uFE0F" looks exactly like "😀".
        if (codePoint == EMOJI_PRESENTATION) {
            return Character.isEmoji(before) && !Character.isEmojiPresentation(before);
        }
        if (codePoint == TEXT_PRESENTATION) {
            return Character.isEmojiPresentation(before);
        }
        return false;
    }

    /** A pictograph, possibly followed by an emoji variation selector or a skin tone, ends right before end. */
    private static boolean pictographEndsAt(String text, int end) {
        if (end > 0 && (text.codePointBefore(end) == EMOJI_PRESENTATION
                || Character.isEmojiModifier(text.codePointBefore(end)))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return end > 0 && Character.isExtendedPictographic(text.codePointBefore(end));
    }

    private static boolean isKeycapBase(int codePoint) {
        return (codePoint >= '0' && codePoint <= '9') || codePoint == '#' || codePoint == '*';
    }

    private static int subdivisionFlagLengthAt(String text, int index) {
        for (String flag : SUBDIVISION_FLAGS) {
            if (text.startsWith(flag, index)) {
                return flag.length();
            }
        }
        return 0;
    }

    /** 🏴, the region code in tag characters (each the ASCII letter plus U+E0000), then the cancel tag. */
    private static String flag(String region) {
        StringBuilder flag = new StringBuilder().appendCodePoint(0x1F3F4);
        region.codePoints().forEach(letter -> flag.appendCodePoint(0xE0000 + letter));
        return flag.appendCodePoint(0xE007F).toString();
    }
}
