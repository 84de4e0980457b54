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
 * Text a person typed, nothing hidden in it: no control characters (NUL, ESC, DEL...), no
 * bidirectional overrides that make a name read differently than it sorts, no line or paragraph
 * separators, no lone UTF-16 surrogates. {@code multiline} text (descriptions) may hold tabs and
 * line breaks. Leading and trailing invisible characters are removed beforehand by {@link Names#trim}.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "must not contain control or formatting characters";

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
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (multiline && (c == '\t' || c == '\n' || c == '\r')) {
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
