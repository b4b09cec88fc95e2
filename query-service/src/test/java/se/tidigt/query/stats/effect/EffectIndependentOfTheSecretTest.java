package se.tidigt.query.stats.effect;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rollout effect is estimated on exact records and protected by output rules only: no class of the
 * estimate reaches the cell-key method, so its answer is the same under every TIDIGT_CELL_KEY_SECRET.
 * (The plan's power reads the districts' volumes through /stats' protection, which is the reason it
 * is the one exception.)
 */
class EffectIndependentOfTheSecretTest {
    private static final JavaClasses EFFECT = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("se.tidigt.query.stats.effect");

    @Test
    void no_class_of_the_estimate_reads_the_cell_key_method_or_its_secret() {
        noClasses().that().resideInAPackage("se.tidigt.query.stats.effect").and().doNotHaveSimpleName("PlanPowers")
                .should().dependOnClassesThat().resideInAPackage("se.tidigt.query.stats.protection..")
                .check(EFFECT);
    }
}
