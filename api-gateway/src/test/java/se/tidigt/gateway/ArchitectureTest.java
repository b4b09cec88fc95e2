package se.tidigt.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module boundaries of docs/architecture.md ("The rules that hold the boundaries"), as rules that fail the build;
 * each module beneath the gateway holds rules of its own beside these.
 */
@AnalyzeClasses(packages = "se.tidigt", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** The gateway's features; beneath them the web's foundations (security, problems, input, limits, OpenAPI, writes). */
    private static final String[] GATEWAY_FEATURES = {"se.tidigt.gateway.cases..", "se.tidigt.gateway.rollout..",
            "se.tidigt.gateway.stats..", "se.tidigt.gateway.dashboard..", "se.tidigt.gateway.audit..",
            "se.tidigt.gateway.admin..", "se.tidigt.gateway.demo..", "se.tidigt.gateway.personaldata..",
            "se.tidigt.gateway.delegation..", "se.tidigt.gateway.caseload..", "se.tidigt.gateway.spread.."};

    @ArchTest
    static final ArchRule the_domains_depend_on_no_other_module = noClasses()
            .that().resideInAnyPackage("se.tidigt.cases..", "se.tidigt.rollout..")
            .should().dependOnClassesThat().resideInAnyPackage("se.tidigt.query..", "se.tidigt.platform..",
                    "se.tidigt.personaldata..", "se.tidigt.audit..", "se.tidigt.demo..", "se.tidigt.gateway..");

    @ArchTest
    static final ArchRule the_read_side_does_not_depend_on_the_platform_or_the_gateway = noClasses()
            .that().resideInAPackage("se.tidigt.query..")
            .should().dependOnClassesThat().resideInAnyPackage("se.tidigt.platform..", "se.tidigt.gateway..");

    @ArchTest
    static final ArchRule the_modules_beneath_the_gateway_do_not_depend_on_it = noClasses()
            .that().resideInAnyPackage("se.tidigt.platform..", "se.tidigt.personaldata..", "se.tidigt.audit..",
                    "se.tidigt.demo..")
            .should().dependOnClassesThat().resideInAPackage("se.tidigt.gateway..");

    @ArchTest
    static final ArchRule the_platform_knows_no_module_above_it = noClasses()
            .that().resideInAPackage("se.tidigt.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("se.tidigt.personaldata..", "se.tidigt.audit.chain..",
                    "se.tidigt.audit.accesslog..", "se.tidigt.audit.signed..", "se.tidigt.audit.history..",
                    "se.tidigt.demo..");

    @ArchTest
    static final ArchRule only_the_demo_knows_the_demo = noClasses()
            .that().resideInAnyPackage("se.tidigt.personaldata..", "se.tidigt.audit..", "se.tidigt.platform..")
            .should().dependOnClassesThat().resideInAPackage("se.tidigt.demo..");

    // Between the gateway's own packages: the web's foundations beneath the features, the features apart.

    @ArchTest
    static final ArchRule the_gateway_packages_are_free_of_cycles = slices()
            .matching("se.tidigt.gateway.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_web_foundations_know_no_feature = noClasses()
            .that().resideInAnyPackage("se.tidigt.gateway.security..", "se.tidigt.gateway.problem..",
                    "se.tidigt.gateway.input..", "se.tidigt.gateway.limits..", "se.tidigt.gateway.openapi..",
                    "se.tidigt.gateway.districts..", "se.tidigt.gateway.writes..")
            .should().dependOnClassesThat().resideInAnyPackage(GATEWAY_FEATURES);

    @ArchTest
    static final ArchRule only_the_rollout_and_the_delegation_use_the_cases_package = noClasses()
            .that().resideInAPackage("se.tidigt.gateway..")
            // The delegation is the district's, so it asks the cases' district access who may read and change it.
            .and().resideOutsideOfPackages("se.tidigt.gateway.cases..", "se.tidigt.gateway.rollout..", "se.tidigt.gateway.delegation..")
            .should().dependOnClassesThat().resideInAPackage("se.tidigt.gateway.cases..");

    @ArchTest
    static final ArchRule the_statistics_pages_and_operations_are_used_by_no_other_package =
            usedOnlyFromWithin("stats", "dashboard", "audit", "admin", "demo", "personaldata");

    @ArchTest
    static final ArchRule the_read_side_uses_only_the_domains_api_packages = noClasses()
            .that().resideInAPackage("se.tidigt.query..")
            .should().dependOnClassesThat().resideInAnyPackage("se.tidigt.cases", "se.tidigt.cases.openaccess..",
                    "se.tidigt.rollout.district..", "se.tidigt.rollout.plan..", "se.tidigt.rollout.workmodel..");

    @ArchTest
    static final ArchRule only_the_axon_configuration_knows_the_aggregates = noClasses()
            .that().resideInAPackage("se.tidigt..").and().resideOutsideOfPackages("se.tidigt.platform.axon..",
                    "se.tidigt.cases..", "se.tidigt.rollout..")
            .should().dependOnClassesThat().resideInAnyPackage("se.tidigt.cases", "se.tidigt.cases.openaccess..",
                    "se.tidigt.rollout.district..", "se.tidigt.rollout.plan..", "se.tidigt.rollout.workmodel..");

    @ArchTest
    static final ArchRule the_domains_know_nothing_of_spring = noClasses()
            .that().resideInAnyPackage("se.tidigt.cases..", "se.tidigt.rollout..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    private static ArchRule usedOnlyFromWithin(String... packages) {
        ArchRule rule = null;
        for (String name : packages) {
            String pkg = "se.tidigt.gateway." + name + "..";
            ArchRule one = noClasses().that().resideInAPackage("se.tidigt.gateway..").and().resideOutsideOfPackage(pkg)
                    .should().dependOnClassesThat().resideInAPackage(pkg);
            rule = rule == null ? one : CompositeArchRule.of(rule).and(one);
        }
        return rule;
    }
}
