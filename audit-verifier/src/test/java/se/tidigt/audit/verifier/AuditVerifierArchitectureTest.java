package se.tidigt.audit.verifier;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** An outside party runs the verifier with a JDK alone, so it may use nothing but the JDK. */
@AnalyzeClasses(packages = "se.tidigt.audit.verifier", importOptions = ImportOption.DoNotIncludeTests.class)
class AuditVerifierArchitectureTest {

    @ArchTest
    static final ArchRule the_verifier_needs_nothing_but_the_jdk = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "se.tidigt.audit.verifier..");
}
