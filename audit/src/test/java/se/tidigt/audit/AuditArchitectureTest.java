package se.tidigt.audit;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.eventhandling.EventBus;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The audit reads and never writes what it checks: it sends no command and appends no event. The access log is
 * written on every read, so it stands beneath the event chain, the checkpoints and the history and knows none of them.
 */
@AnalyzeClasses(packages = "se.tidigt", importOptions = ImportOption.DoNotIncludeTests.class)
class AuditArchitectureTest {

    @ArchTest
    static final ArchRule the_audit_sends_no_commands = noClasses()
            .that().resideInAPackage("se.tidigt.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.commandhandling..",
                    "org.axonframework.modelling..");

    @ArchTest
    static final ArchRule the_audit_appends_no_events = noClasses()
            .that().resideInAPackage("se.tidigt.audit..")
            .should().callMethodWhere(target(name("publish")).and(target(owner(assignableTo(EventBus.class)))));

    @ArchTest
    static final ArchRule the_access_log_knows_nothing_of_the_chain_the_checkpoints_or_the_history = noClasses()
            .that().resideInAPackage("se.tidigt.audit.accesslog..")
            .should().dependOnClassesThat().resideInAnyPackage("se.tidigt.audit.chain..", "se.tidigt.audit.signed..",
                    "se.tidigt.audit.history..");

    @ArchTest
    static final ArchRule nothing_of_the_audit_depends_on_the_history = noClasses()
            .that().resideInAPackage("se.tidigt.audit..").and().resideOutsideOfPackage("se.tidigt.audit.history..")
            .should().dependOnClassesThat().resideInAPackage("se.tidigt.audit.history..");
}
