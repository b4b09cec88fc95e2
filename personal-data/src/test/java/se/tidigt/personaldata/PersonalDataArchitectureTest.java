package se.tidigt.personaldata;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Personal data speaks to the cases only through their commands and events, and to the platform only through the
 * event metadata, the deployment's keys and the problem type: no statistics, no write path of the gateway's.
 */
@AnalyzeClasses(packages = "se.tidigt", importOptions = ImportOption.DoNotIncludeTests.class)
class PersonalDataArchitectureTest {

    @ArchTest
    static final ArchRule personal_data_uses_only_the_cases_api = noClasses()
            .that().resideInAPackage("se.tidigt.personaldata..")
            .should().dependOnClassesThat().resideInAnyPackage("se.tidigt.cases", "se.tidigt.cases.openaccess..",
                    "se.tidigt.rollout..");

    @ArchTest
    static final ArchRule personal_data_reads_no_statistics = noClasses()
            .that().resideInAPackage("se.tidigt.personaldata..")
            .should().dependOnClassesThat().resideInAPackage("se.tidigt.query.stats..");

    @ArchTest
    static final ArchRule personal_data_takes_no_path_around_the_event_store = noClasses()
            .that().resideInAPackage("se.tidigt.personaldata..")
            .should().dependOnClassesThat().resideInAnyPackage("se.tidigt.platform.idempotency..",
                    "se.tidigt.platform.projections..", "se.tidigt.platform.cluster..", "se.tidigt.platform.database..");
}
