package se.tidigt.gateway.districts;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import se.tidigt.gateway.TidigtApplication;
import se.tidigt.gateway.support.TestDatabase;
import se.tidigt.rollout.api.InvalidDistrictConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Another city brings its own districts; a list that contradicts itself stops the start with a clear message. */
class DistrictConfigurationTest {

    @Test
    void an_unknown_predecessor_stops_the_application_naming_it() {
        assertThatThrownBy(() -> start("--tidigt.districts[0].code=centrum", "--tidigt.districts[0].name=Centrum",
                "--tidigt.districts[0].valid-from=2024-01-01", "--tidigt.districts[0].predecessors[0]=gamla-stan"))
                .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(InvalidDistrictConfiguration.class)
                        .hasMessageContaining("centrum").hasMessageContaining("gamla-stan"));
    }

    @Test
    void overlapping_validity_stops_the_application() {
        assertThatThrownBy(() -> start(
                "--tidigt.districts[0].code=norr", "--tidigt.districts[0].name=Norr",
                "--tidigt.districts[0].valid-to=2024-12-31",
                "--tidigt.districts[1].code=stad", "--tidigt.districts[1].name=Stad",
                "--tidigt.districts[1].valid-from=2024-06-01", "--tidigt.districts[1].predecessors[0]=norr"))
                .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(InvalidDistrictConfiguration.class)
                        .hasMessageContaining("stad"));
    }

    private static void start(String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        all[args.length + 1] = "--spring.datasource.url=" + TestDatabase.freshDatabase();
        all[args.length + 2] = "--tidigt.pseudonym-key=test-pseudonym-key-for-synthetic-children";
        all[args.length + 3] = "--spring.datasource.username=postgres";
        all[args.length + 4] = "--tidigt.key-encryption-key=dGlkaWd0LXRlc3Qta2V5LWVuY3J5cHRpb24ta2V5ISE=";
        all[args.length + 5] = "--tidigt.demo-users=true";
        TidigtApplication.disableAxonUpdateChecker();
        new SpringApplicationBuilder(TidigtApplication.class).run(all).close();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
