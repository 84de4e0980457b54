package dev.storesapi.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rule for invisible characters in names (docs/security.md "Input."): refused wherever they stand,
 * never trimmed away, except as the glue inside emoji. The records below are built and validated as the
 * request records (store, tag and item names) are: trimmed in the constructor, then checked.
 */
class PlainTextTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    record NameRequest(@NotBlank @PlainText String name) {
        NameRequest {
            name = Names.trim(name);
        }
    }

    record DescriptionRequest(@PlainText(multiline = true) String description) {
    }

    @AfterAll
    static void closeFactory() {
        FACTORY.close();
    }

    @Test
    void zeroWidthSpaceInsideANameIsRefusedSoItCannotPassForAnother() {
        assertThat(refusedFields(new NameRequest("abc"))).isEmpty();
        assertThat(refusedFields(new NameRequest("a\u200Bbc"))).containsExactly("name");
    }

    /** Zero-width space, non-joiner, word joiner, BOM, soft hyphen, bidi marks, embeddings, overrides, isolates... */
    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u200E", "\u200F", "\u061C",
            "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u180E",
            "\uFE0F", "\uFE00", "\u034F", "\u3164", "\u2800", "\u115F", "\uFFA0", "\u0007", "\u0085",
            "\uDB40\uDC67", "\uDB40\uDC7F", "\uDB40\uDD00"})
    void invisibleCharacterIsRefusedAtTheStartAtTheEndAndInside(String invisible) {
        assertThat(refusedFields(new NameRequest(invisible + "Shop"))).as("leading").containsExactly("name");
        assertThat(refusedFields(new NameRequest("Shop" + invisible))).as("trailing").containsExactly("name");
        assertThat(refusedFields(new NameRequest("Sh" + invisible + "op"))).as("inside").containsExactly("name");
    }

    @Test
    void byteOrderMarkAndBidiControlsAreRefusedEvenWhenSpacesSurroundThem() {
        assertThat(refusedFields(new NameRequest(" \uFEFF Shop"))).containsExactly("name");
        assertThat(refusedFields(new NameRequest("Shop \u202E "))).containsExactly("name");
        assertThat(refusedFields(new NameRequest("\u00A0\u2066Shop\u2069\u2003"))).containsExactly("name");
    }

    @Test
    void spacesTabsAndLineBreaksAtTheEndsAreTrimmed() {
        NameRequest request = new NameRequest(" \u00A0\u2003\u3000\t\r\nCorner shop\n \u202F");

        assertThat(request.name()).isEqualTo("Corner shop");
        assertThat(refusedFields(request)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\u00A0\u2003", "\r\n\t", "\u3000"})
    void nameOfSpacesOnlyIsBlank(String name) {
        assertThat(refusedFields(new NameRequest(name))).containsExactly("name");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Café ❤\uFE0F",                                    // heart with emoji presentation
            "👩\u200D💻 Shop",                                   // woman technologist
            "👩🏽\u200D💻",                                        // with a skin tone before the joiner
            "🏳\uFE0F\u200D🌈 Bar",                              // rainbow flag: selector, then joiner
            "👨\u200D👩\u200D👧\u200D👦 Family store",             // several joiners in one sequence
            "❤\uFE0F\u200D🔥",                                  // heart on fire
            "😀\uFE0E text smile",                              // text presentation of an emoji-style emoji
            "Shop 1\uFE0F\u20E3",                               // keycap one
            "#\uFE0F\u20E3 Hash",                               // keycap number sign
            "🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F Pub", // flag of Scotland
            "Chez 🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F", // flag of England
            "🇫🇷 Boulangerie", "👍🏿", "Ünïcödé 店 متجر दुकान"})
    void emojiSequencesAndOrdinaryLettersAreAccepted(String name) {
        assertThat(refusedFields(new NameRequest(name))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "a\u200Dbc",                 // joiner between letters
            "👩\u200Dbc",                 // joiner after an emoji but before a letter
            "ab\u200D💻",                 // joiner before an emoji but after a letter
            "👩\u200D\u200D💻",            // two joiners
            "Shop 👩\u200D",              // joiner at the end
            "a\uFE0Fbc",                 // emoji selector after a letter
            "❤\uFE0F\uFE0F",             // selector after a selector
            "Shop 1\uFE0F",              // selector after a digit that is no keycap
            "😀\uFE0F",                  // emoji selector after an emoji drawn as one anyway
            "☺\uFE0E",                   // text selector after an emoji drawn as text anyway
            "🏴\uDB40\uDC75\uDB40\uDC73\uDB40\uDC74\uDB40\uDC78\uDB40\uDC7F",  // a tag flag no font draws
            "🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67",  // England without its cancel tag
            "\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F"}) // tags without the flag
    void emojiGlueOutsideAnEmojiSequenceIsRefused(String name) {
        assertThat(refusedFields(new NameRequest(name))).containsExactly("name");
    }

    @Test
    void loneSurrogateIsRefused() {
        assertThat(refusedFields(new NameRequest("a\uD800b"))).containsExactly("name");
        assertThat(refusedFields(new NameRequest("a\uDC00"))).containsExactly("name");
    }

    @Test
    void descriptionsKeepTheJoinersProseNeedsButNotControlsOrBidiOverrides() {
        assertThat(refusedFields(new DescriptionRequest("line 1\nline 2\tand a tab"))).isEmpty();
        assertThat(refusedFields(new DescriptionRequest("می\u200Cخواهم, soft\u00ADhyphen"))).isEmpty();

        assertThat(refusedFields(new DescriptionRequest("bell \u0007"))).containsExactly("description");
        assertThat(refusedFields(new DescriptionRequest("price \u202E99.0"))).containsExactly("description");
    }

    private static Set<String> refusedFields(Object request) {
        return VALIDATOR.validate(request).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .collect(Collectors.toSet());
    }
}
