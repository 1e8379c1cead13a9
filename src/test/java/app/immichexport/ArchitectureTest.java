package app.immichexport;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shape of the code: features import each other one way, and the layers that must stay pure do. */
@AnalyzeClasses(packages = "app.immichexport", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresImportEachOtherOneWay =
            slices().matching("app.immichexport.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule subPackagesOfAFeatureImportEachOtherOneWay =
            slices().matching("app.immichexport.*.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyPagesUsePages = noClasses()
            .that()
            .resideOutsideOfPackage("..ui..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("app.immichexport..ui..");

    @ArchTest
    static final ArchRule immichImportsNoOtherFeature = noClasses()
            .that()
            .resideInAPackage("app.immichexport.immich..")
            .should()
            .dependOnClassesThat(
                    resideInAPackage("app.immichexport..").and(resideOutsideOfPackage("app.immichexport.immich..")));

    @ArchTest
    static final ArchRule thePlanIsAPureFunction = noClasses()
            .that()
            .resideInAPackage("app.immichexport.export.plan..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "java.io..",
                    "java.nio.channels..",
                    "java.net..",
                    "java.sql..",
                    "javax.sql..",
                    "jakarta.persistence..",
                    "jakarta.inject..",
                    "jakarta.enterprise..",
                    "jakarta.ws.rs..")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.nio.file.Files");
}
