package dev.storesapi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of docs/architecture.md "Modules and the rules they own": each package under
 * dev.storesapi is a module, the modules depend on each other without cycles, and in one direction
 * only: config → features (catalog, auth, user, mail, ratelimit) → redis, web → error.
 */
class ModuleBoundariesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Spring AOT's generated bean definitions (Xxx__BeanDefinitions) wire every module by design.
            .withImportOption(location -> !location.contains("__"))
            .importPackages("dev.storesapi");

    @Test
    void modulesDependOnEachOtherWithoutCycles() {
        slices().matching("dev.storesapi.(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .check(MAIN);
    }

    @Test
    void dependenciesPointFromConfigurationThroughFeaturesToWebAndErrors() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("config").definedBy("dev.storesapi.config..")
                .layer("features").definedBy("dev.storesapi.catalog..", "dev.storesapi.auth..",
                        "dev.storesapi.user..", "dev.storesapi.mail..", "dev.storesapi.idempotency..",
                        "dev.storesapi.ratelimit..")
                .layer("redis").definedBy("dev.storesapi.redis..")
                .layer("web").definedBy("dev.storesapi.web..")
                .layer("error").definedBy("dev.storesapi.error..")
                .whereLayer("config").mayNotBeAccessedByAnyLayer()
                .whereLayer("features").mayOnlyBeAccessedByLayers("config")
                .whereLayer("redis").mayOnlyBeAccessedByLayers("config", "features")
                .whereLayer("web").mayOnlyBeAccessedByLayers("config", "features")
                .whereLayer("error").mayOnlyBeAccessedByLayers("config", "features", "web")
                .check(MAIN);
    }

    /** Stores, items and tags are one module: nothing else reaches into it (config wires it up). */
    @Test
    void onlyConfigurationUsesTheCatalog() {
        noClasses().that().resideOutsideOfPackages("dev.storesapi.catalog..", "dev.storesapi.config..")
                .should().dependOnClassesThat().resideInAPackage("dev.storesapi.catalog..")
                .check(MAIN);
    }
}
