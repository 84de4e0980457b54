package dev.storesapi.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person typed, nothing hidden in it. A name or username (the default) may hold no invisible
 * character at all, wherever it stands: see {@link InvisibleCharacters} for which they are and the
 * emoji that may still use some; {@link Names#trim} only removes spaces and line breaks at the ends.
 * {@code multiline} text (descriptions) may hold tabs and line breaks, and keeps the invisible
 * characters that prose needs (Persian and Indic joiners, soft hyphens): it need not be unique, so a
 * look-alike does no harm. Descriptions only refuse control characters, bidirectional controls that make
 * text read differently than it is stored, line and paragraph separators and lone UTF-16 surrogates.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "must not contain invisible, control or formatting characters";

    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {

        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isPlain(value, multiline);
        }

        static boolean isPlain(String text, boolean multiline) {
            return multiline ? isPlainDescription(text) : !InvisibleCharacters.foundIn(text);
        }

        private static boolean isPlainDescription(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\t' || c == '\n' || c == '\r') {
                    continue;
                }
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                if (isHidden(c)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isHidden(char c) {
            return switch (Character.getType(c)) {
                case Character.CONTROL, Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
                default -> isBidiControl(c);
            };
        }

        private static boolean isBidiControl(char c) {
            return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069');
        }
    }
}
