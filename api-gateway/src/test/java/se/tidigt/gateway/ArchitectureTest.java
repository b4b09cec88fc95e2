package se.tidigt.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries of docs/architecture.md ("The rules that hold the boundaries"), as rules that fail the build. */
@AnalyzeClasses(packages = "se.tidigt", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_domains_do_not_depend_on_the_read_side_or_the_gateway = noClasses()
            .that().resideInAnyPackage("se.tidigt.cases..", "se.tidigt.rollout..")
            .should().dependOnClassesThat().resideInAnyPackage("se.tidigt.query..", "se.tidigt.gateway..");

    @ArchTest
    static final ArchRule the_read_side_does_not_depend_on_the_platform_or_the_gateway = noClasses()
            .that().resideInAPackage("se.tidigt.query..")
            .should().dependOnClassesThat().resideInAnyPackage("se.tidigt.platform..", "se.tidigt.gateway..");

    @ArchTest
    static final ArchRule the_platform_does_not_depend_on_the_gateway = noClasses()
            .that().resideInAPackage("se.tidigt.platform..")
            .should().dependOnClassesThat().resideInAPackage("se.tidigt.gateway..");

    @ArchTest
    static final ArchRule the_read_side_uses_only_the_domains_api_packages = noClasses()
            .that().resideInAPackage("se.tidigt.query..")
            .should().dependOnClassesThat().resideInAnyPackage("se.tidigt.cases", "se.tidigt.cases.openaccess..",
                    "se.tidigt.rollout.district..", "se.tidigt.rollout.plan..", "se.tidigt.rollout.workmodel..");

    @ArchTest
    static final ArchRule only_the_axon_configuration_knows_the_aggregates = noClasses()
            .that().resideInAPackage("se.tidigt.gateway..").and().resideOutsideOfPackage("se.tidigt.platform.axon..")
            .should().dependOnClassesThat().resideInAnyPackage("se.tidigt.cases", "se.tidigt.cases.openaccess..",
                    "se.tidigt.rollout.district..", "se.tidigt.rollout.plan..", "se.tidigt.rollout.workmodel..");

    @ArchTest
    static final ArchRule the_domains_know_nothing_of_spring = noClasses()
            .that().resideInAnyPackage("se.tidigt.cases..", "se.tidigt.rollout..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");
}
