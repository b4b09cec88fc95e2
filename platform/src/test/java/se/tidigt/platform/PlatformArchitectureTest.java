package se.tidigt.platform;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The platform's inner order (docs/architecture.md): the replays and the event store's wiring at the top (the wiring
 * the one part of the house that knows the aggregates, as ArchitectureTest holds), the database, idempotency, cluster
 * membership and dead letters beneath them, and at the bottom what everything uses (who is acting, the problem a request fails with, the
 * correlation id, the deployment's secrets, an instance's periodic tasks).
 */
@AnalyzeClasses(packages = "se.tidigt", importOptions = ImportOption.DoNotIncludeTests.class)
class PlatformArchitectureTest {

    @ArchTest
    static final ArchRule the_platform_packages_are_free_of_cycles = slices()
            .matching("se.tidigt.platform.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule only_the_replays_use_the_event_store_wiring = noClasses()
            .that().resideInAPackage("se.tidigt.platform..")
            .and().resideOutsideOfPackages("se.tidigt.platform.axon..", "se.tidigt.platform.replays..")
            .should().dependOnClassesThat().resideInAPackage("se.tidigt.platform.axon..");

    @ArchTest
    static final ArchRule nothing_of_the_platform_depends_on_the_replays = noClasses()
            .that().resideInAPackage("se.tidigt.platform..").and().resideOutsideOfPackage("se.tidigt.platform.replays..")
            .should().dependOnClassesThat().resideInAPackage("se.tidigt.platform.replays..");

    @ArchTest
    static final ArchRule the_foundations_use_no_other_part_of_the_platform = noClasses()
            .that().resideInAnyPackage("se.tidigt.platform.actor..", "se.tidigt.platform.problem..",
                    "se.tidigt.platform.correlation..", "se.tidigt.platform.secrets..", "se.tidigt.platform.periodic..")
            .should().dependOnClassesThat().resideInAnyPackage("se.tidigt.platform.axon..", "se.tidigt.platform.database..",
                    "se.tidigt.platform.idempotency..", "se.tidigt.platform.cluster..", "se.tidigt.platform.projections..");

    /**
     * The web's types stay in the three parts that exist for the web: the idempotency records (which keep an HTTP
     * answer to replay it), the problem details a request fails with, and the correlation id's filter. The event
     * store, the processors and the writes' command side answer in types of their own.
     */
    @ArchTest
    static final ArchRule only_the_web_facing_parts_of_the_platform_know_http = noClasses()
            .that().resideInAPackage("se.tidigt.platform..")
            .and().resideOutsideOfPackages("se.tidigt.platform.idempotency..", "se.tidigt.platform.problem..",
                    "se.tidigt.platform.correlation..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..", "org.springframework.web..",
                    "jakarta.servlet..");
}
