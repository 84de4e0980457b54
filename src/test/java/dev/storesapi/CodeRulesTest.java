package dev.storesapi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/** Rules of the code that neither the compiler nor the module boundaries (ModuleBoundariesTest) hold. */
class CodeRulesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.storesapi");

    /**
     * A value that may be missing is checked where it is read. Catching the exception instead also
     * swallows every other null dereference in the block, bugs included, and hides which value was
     * missing (auth/JwtService once read a token's claims that way).
     */
    @Test
    void noCodeCatchesNullPointerException() {
        codeUnits().should(notCatch(NullPointerException.class)).check(MAIN);
    }

    private static ArchCondition<JavaCodeUnit> notCatch(Class<? extends Throwable> type) {
        return new ArchCondition<>("not catch " + type.getSimpleName()) {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                unit.getTryCatchBlocks().stream()
                        .filter(block -> block.getCaughtThrowables().stream().anyMatch(caught -> caught.isEquivalentTo(type)))
                        .forEach(block -> events.add(SimpleConditionEvent.violated(unit,
                                unit.getFullName() + " catches " + type.getSimpleName() + " " + block.getSourceCodeLocation())));
            }
        };
    }
}
