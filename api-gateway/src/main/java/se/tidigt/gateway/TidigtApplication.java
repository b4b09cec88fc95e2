package se.tidigt.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;

/** Tidigt: district administrations record cases, the city compares districts and work models. */
// No generated "user" with a random password: identity comes from the demo users or, later, JWT.
@SpringBootApplication(scanBasePackages = {"se.tidigt.gateway", "se.tidigt.platform", "se.tidigt.personaldata",
        "se.tidigt.audit", "se.tidigt.demo", "se.tidigt.query"},
        exclude = UserDetailsServiceAutoConfiguration.class)
public class TidigtApplication {

    public static void main(String[] args) {
        disableAxonUpdateChecker();
        SpringApplication.run(TidigtApplication.class, args);
    }

    /**
     * Axon 4.12+ phones home at start (on a closed network that only produces warnings) and
     * advertises its console in a banner; neither belongs in an operator's log.
     */
    public static void disableAxonUpdateChecker() {
        if (System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        System.setProperty("disable-axoniq-console-message", "true");
    }
}
