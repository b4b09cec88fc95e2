package se.tidigt.gateway.cases;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.tidigt.cases.api.identity.Pseudonymiser;


/**
 * The deployment secret behind the child's pseudonym. A real deployment must set
 * {@code TIDIGT_PSEUDONYM_KEY}; only the embedded demo may fall back to a published demo key.
 */
@Configuration(proxyBeanMethods = false)
class ChildIdentityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ChildIdentityConfiguration.class);
    static final String DEMO_KEY = "tidigt-demo-pseudonym-key-not-for-real-children";

    @Bean
    Pseudonymiser pseudonymiser(@Value("${tidigt.pseudonym-key}") String key,
                                org.springframework.core.env.Environment environment) {
        boolean embedded = se.tidigt.gateway.database.DeploymentMode.embeddedDatabase(environment);
        if (!key.isBlank()) {
            return Pseudonymiser.withKey(key);
        }
        if (!embedded) {
            throw new IllegalStateException("TIDIGT_PSEUDONYM_KEY is not set. A database is configured, so Tidigt "
                    + "needs the deployment's secret key for children's pseudonyms (at least 16 characters).");
        }
        log.warn("TIDIGT_PSEUDONYM_KEY is not set: using the demo key, fit for the embedded demo only");
        return Pseudonymiser.withKey(DEMO_KEY);
    }
}
