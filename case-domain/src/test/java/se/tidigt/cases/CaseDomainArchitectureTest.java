package se.tidigt.cases;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "se.tidigt.cases", importOptions = ImportOption.DoNotIncludeTests.class)
class CaseDomainArchitectureTest {

    @ArchTest
    static final ArchRule the_case_domain_does_not_depend_on_spring = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule the_api_package_does_not_depend_on_the_aggregate = noClasses()
            .that().resideInAPackage("se.tidigt.cases.api..")
            .should().dependOnClassesThat().resideInAnyPackage("se.tidigt.cases", "se.tidigt.cases.openaccess");

    @ArchTest
    static final ArchRule messages_are_free_of_persistence_and_web_types = noClasses()
            .that().resideInAPackage("se.tidigt.cases.api..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "java.sql..", "com.fasterxml..");
}
