package dev.storesapi.web;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC reads ids and bodies strictly (docs/security.md):
 * <ul>
 * <li>A whole number in a path or query parameter is ASCII digits only. Spring's default conversion
 * also takes {@code 0x23}, {@code +23}, {@code 23 } and non-Latin digits as 23, so
 * {@code DELETE /store/1%20} would delete store 1.</li>
 * <li>No YAML converter: springdoc brings one onto the classpath, and its lenient rules (numbers as
 * names, unknown fields ignored) are not the API's. Requests are JSON only (RequestSyntaxFilter);
 * this keeps responses JSON too.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ControllerAdvice
class StrictInputConfig implements WebMvcConfigurer {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

    /** An editor of the binder comes before any converter, so this is what every long parameter goes through. */
    @InitBinder
    void strictWholeNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(long.class, new DigitsOnly(false));
        binder.registerCustomEditor(Long.class, new DigitsOnly(true));
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.configureMessageConvertersList(list -> list.removeIf(converter ->
                converter.getSupportedMediaTypes().stream().anyMatch(type -> type.getSubtype().contains("yaml"))));
    }

    private static final class DigitsOnly extends PropertyEditorSupport {

        private final boolean emptyIsAbsent;

        DigitsOnly(boolean emptyIsAbsent) {
            this.emptyIsAbsent = emptyIsAbsent;
        }

        @Override
        public void setAsText(String text) {
            if (text.isEmpty() && emptyIsAbsent) {
                setValue(null);
                return;
            }
            if (!DIGITS.matcher(text).matches()) {
                throw new IllegalArgumentException("not a decimal number");
            }
            // Too large for a long: NumberFormatException, an IllegalArgumentException too.
            setValue(Long.parseLong(text));
        }
    }
}
