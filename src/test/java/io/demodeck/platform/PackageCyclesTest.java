package io.demodeck.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The feature packages ({@code io.demodeck.<feature>} with their subpackages) depend on each other in one direction
 * only: the layers of docs/ARCHITECTURE.md. Reads the compiled main classes, no application starts.
 */
class PackageCyclesTest {

    @Test
    void featurePackagesAreFreeOfCycles() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("io.demodeck");
        slices().matching("io.demodeck.(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .because("a lower layer never calls a higher one (docs/ARCHITECTURE.md, \"Packages\"): put the class "
                        + "where it belongs, the type two features share in the lower one, or a callback interface "
                        + "in the lower layer")
                .check(main);
    }
}
