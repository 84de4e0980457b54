package dev.storesapi.web;

import dev.storesapi.error.MalformedRequestException;
import dev.storesapi.error.PreconditionFailedException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** If-Match as RFC 9110 section 13.1.1 reads it: parsing, strong comparison, and what a missing resource answers. */
class IfMatchTest {

    private static final String CURRENT = "\"0a1b2c\"";
    private static final Supplier<String> CURRENT_TAG = () -> CURRENT;

    @Test
    void noHeaderIsUnconditionalAndNeverAsksForTheTag() {
        IfMatch ifMatch = IfMatch.parse(List.of());
        AtomicInteger asked = new AtomicInteger();

        ifMatch.check(() -> {
            asked.incrementAndGet();
            return CURRENT;
        });

        assertThat(ifMatch.isPresent()).isFalse();
        assertThat(asked).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"0a1b2c\"", " \"0a1b2c\" ", "\"ffff\", \"0a1b2c\"", "\"ffff\",\"0a1b2c\"", "W/\"ffff\", \"0a1b2c\"",
            ",\"0a1b2c\",", "*", " * ", "\t*\t", "\"ffff\" ,\t\"0a1b2c\""})
    void holdsWhenOneStrongTagIsTheCurrentOneOrForAStar(String header) {
        IfMatch ifMatch = IfMatch.parse(List.of(header));

        assertThat(ifMatch.isPresent()).isTrue();
        assertThatNoException().isThrownBy(() -> ifMatch.check(CURRENT_TAG));
    }

    @Test
    void severalFieldLinesFormOneList() {
        assertThatNoException().isThrownBy(() -> IfMatch.parse(List.of("\"ffff\"", CURRENT)).check(CURRENT_TAG));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"ffff\"", "W/\"0a1b2c\"", "\"0A1B2C\"", "\"\""})
    void failsForAnotherTagOrAWeakOne(String header) {
        IfMatch ifMatch = IfMatch.parse(List.of(header));

        assertThatThrownBy(() -> ifMatch.check(CURRENT_TAG)).isInstanceOf(PreconditionFailedException.class)
                .hasMessage(IfMatch.CHANGED);
    }

    @Test
    void aMissingResourceIsA412UnderIfMatchAndTheGivenAnswerWithout() {
        RuntimeException notFound = new IllegalStateException("404");

        assertThat(IfMatch.parse(List.of("*")).whenMissing(notFound)).isInstanceOf(PreconditionFailedException.class)
                .hasMessage(IfMatch.GONE);
        assertThat(IfMatch.parse(List.of(CURRENT)).whenMissing(notFound)).isInstanceOf(PreconditionFailedException.class);
        assertThat(IfMatch.parse(List.of()).whenMissing(notFound)).isSameAs(notFound);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ",", "0a1b2c", "\"0a1b2c", "0a1b2c\"", "*, \"0a1b2c\"", "\"0a1b2c\", *", "**",
            "w/\"0a1b2c\"", "\"0a1b2c \"", "W/0a1b2c", "\"0a\"1b\"", "\"0a1b2c\"x", "\"0a1b2c\";q=1", "\"ffff\" \"0a1b2c\"", "\"ffff\"\t\"0a1b2c\"", "\u00a0*", "\"a\u0001b\"", "\"a\nb\"",
            "\"a\u007fb\"", "\"caf\u0101\"", "\"a\"\"b\""})
    void anythingElseIsA400(String header) {
        assertThatThrownBy(() -> IfMatch.parse(List.of(header))).isInstanceOf(MalformedRequestException.class)
                .hasMessageContaining("If-Match must be * or a list of entity tags");
    }

    @Test
    void obsTextIsAllowedInATag() {
        assertThatNoException().isThrownBy(() -> IfMatch.parse(List.of("\"caf\u00e9\"")).check(() -> "\"caf\u00e9\""));
    }
}
