package se.tidigt.gateway.stats;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import se.tidigt.cases.api.identity.KeyedHmac;
import se.tidigt.platform.database.DeploymentMode;
import se.tidigt.query.stats.protection.CellKeyMethod;
import se.tidigt.query.stats.protection.KeyedRecordKeys;
import se.tidigt.query.stats.protection.PerturbationTable;

/**
 * The disclosure control of the statistics. The record keys need a secret readers do not know:
 * {@code TIDIGT_CELL_KEY_SECRET}, or one derived from the pseudonym key (a separate purpose, so a
 * separate derived key); only the embedded demo may fall back to a published demo secret.
 */
@Configuration(proxyBeanMethods = false)
class StatsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(StatsConfiguration.class);
    static final String DEMO_SECRET = "tidigt-demo-cell-key-secret-not-for-real-children";

    @Bean
    CellKeyMethod cellKeyMethod(@Value("${tidigt.stats.cell-key-secret}") String secret,
                                @Value("${tidigt.pseudonym-key}") String pseudonymKey,
                                @Value("${tidigt.stats.suppression-threshold}") int threshold,
                                @Value("${tidigt.stats.noise-range}") int noiseRange, Environment environment) {
        return new CellKeyMethod(new KeyedRecordKeys(secret(secret, pseudonymKey, environment)),
                new PerturbationTable(threshold, noiseRange));
    }

    private static String secret(String secret, String pseudonymKey, Environment environment) {
        if (!secret.isBlank()) {
            return secret;
        }
        if (!pseudonymKey.isBlank()) {
            return derive(pseudonymKey);
        }
        if (!DeploymentMode.embeddedDatabase(environment)) {
            throw new IllegalStateException("Neither TIDIGT_CELL_KEY_SECRET nor TIDIGT_PSEUDONYM_KEY is set: the "
                    + "statistics' disclosure control needs the deployment's secret.");
        }
        log.warn("TIDIGT_CELL_KEY_SECRET is not set: using the demo secret, fit for the embedded demo only");
        return DEMO_SECRET;
    }

    private static String derive(String pseudonymKey) {
        return KeyedHmac.withKey(pseudonymKey).hexOf("tidigt statistics cell keys");
    }
}
