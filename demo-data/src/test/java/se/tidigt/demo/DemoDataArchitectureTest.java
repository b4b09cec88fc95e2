package se.tidigt.demo;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.jdbc.core.JdbcOperations;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The demo city is written as a district would write it: by commands the aggregates decide, never by rows or
 * events of its own making, so that it is held to every rule a real case is.
 */
@AnalyzeClasses(packages = "se.tidigt", importOptions = ImportOption.DoNotIncludeTests.class)
class DemoDataArchitectureTest {

    @ArchTest
    static final ArchRule the_demo_writes_no_rows = noClasses()
            .that().resideInAPackage("se.tidigt.demo..")
            .should().callMethodWhere(target(nameMatching("update|batchUpdate|execute"))
                    .and(target(owner(assignableTo(JdbcOperations.class)))));

    @ArchTest
    static final ArchRule the_demo_appends_no_events_of_its_own = noClasses()
            .that().resideInAPackage("se.tidigt.demo..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.eventsourcing..",
                    "org.axonframework.eventhandling..");

    @ArchTest
    static final ArchRule the_demo_knows_nothing_of_the_audit = noClasses()
            .that().resideInAPackage("se.tidigt.demo..")
            .should().dependOnClassesThat().resideInAnyPackage("se.tidigt.audit..");
}
