package se.tidigt.rollout;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "se.tidigt.rollout", importOptions = ImportOption.DoNotIncludeTests.class)
class RolloutDomainArchitectureTest {

    @ArchTest
    static final ArchRule the_rollout_domain_does_not_depend_on_spring = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule the_rollout_domain_does_not_depend_on_the_case_domain = noClasses()
            .should().dependOnClassesThat().resideInAPackage("se.tidigt.cases..");

    @ArchTest
    static final ArchRule the_api_package_does_not_depend_on_the_aggregates = noClasses()
            .that().resideInAPackage("se.tidigt.rollout.api..")
            .should().dependOnClassesThat().resideInAnyPackage("se.tidigt.rollout.district..", "se.tidigt.rollout.plan..",
                    "se.tidigt.rollout.workmodel..");
}
