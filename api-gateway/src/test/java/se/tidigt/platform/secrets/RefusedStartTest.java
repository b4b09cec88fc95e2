package se.tidigt.platform.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import se.tidigt.gateway.TidigtApplication;
import se.tidigt.gateway.security.NoIdentityProvider;
import se.tidigt.gateway.support.TestDatabase;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On a configured database, without a way to sign anyone in or without the deployment's keys, the
 * application does not start, and the report says what to set.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusedStartTest {
    private static final String KEK = "--tidigt.key-encryption-key=dGlkaWd0LXRlc3Qta2V5LWVuY3J5cHRpb24ta2V5ISE=";
    private static final String PSEUDONYM = "--tidigt.pseudonym-key=test-pseudonym-key-for-synthetic-children";

    @Test
    void without_an_identity_provider_and_without_demo_users_it_refuses_to_start(CapturedOutput output) {
        assertThatThrownBy(() -> start(PSEUDONYM, KEK, "--tidigt.demo-users=false"))
                .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(NoIdentityProvider.class));
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI").contains("TIDIGT_DEMO_USERS=true");
    }

    @Test
    void without_the_pseudonym_key_it_refuses_to_start(CapturedOutput output) {
        assertThatThrownBy(() -> start(KEK, "--tidigt.demo-users=true"))
                .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(RefusedStart.class).hasMessageContaining("TIDIGT_PSEUDONYM_KEY"));
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains("TIDIGT_PSEUDONYM_KEY_FILE");
    }

    @Test
    void without_the_key_encryption_key_it_refuses_to_start() {
        assertThatThrownBy(() -> start(PSEUDONYM, "--tidigt.demo-users=true"))
                .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(RefusedStart.class)
                        .hasMessageContaining("TIDIGT_KEY_ENCRYPTION_KEY"));
    }

    private static void start(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server.port=0", "--spring.datasource.url=" + TestDatabase.freshDatabase(),
                "--spring.datasource.username=postgres", "--tidigt.demo-data=false"));
        TidigtApplication.disableAxonUpdateChecker();
        new SpringApplicationBuilder(TidigtApplication.class).run(all.toArray(String[]::new)).close();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
