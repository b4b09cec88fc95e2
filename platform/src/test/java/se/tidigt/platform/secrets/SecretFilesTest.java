package se.tidigt.platform.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secrets as files (X_FILE) and the keys the embedded default makes for itself. */
class SecretFilesTest {

    @TempDir
    Path dir;

    @Test
    void a_file_variable_stands_for_the_variable_with_the_files_content() throws IOException {
        Path secret = Files.writeString(dir.resolve("kek"), "c2VjcmV0\n");
        Map<String, Object> read = SecretFiles.read(Map.of("TIDIGT_KEY_ENCRYPTION_KEY_FILE", secret.toString(),
                "SPRING_DATASOURCE_PASSWORD_FILE", Files.writeString(dir.resolve("pw"), "pg-secret").toString(),
                "HOME", "/root", "OTHER_FILE", "/etc/passwd"));
        assertThat(read).containsExactlyInAnyOrderEntriesOf(Map.of("TIDIGT_KEY_ENCRYPTION_KEY", "c2VjcmV0",
                "SPRING_DATASOURCE_PASSWORD", "pg-secret"));
    }

    @Test
    void both_the_variable_and_its_file_or_an_unreadable_file_are_refused() {
        assertThatThrownBy(() -> SecretFiles.read(Map.of("TIDIGT_PSEUDONYM_KEY", "x", "TIDIGT_PSEUDONYM_KEY_FILE", "/y")))
                .isInstanceOf(RefusedStart.class).hasMessageContaining("Set only one");
        assertThatThrownBy(() -> SecretFiles.read(Map.of("TIDIGT_PSEUDONYM_KEY_FILE", dir.resolve("missing").toString())))
                .isInstanceOf(RefusedStart.class).hasMessageContaining("cannot be read");
    }

    @Test
    void the_embedded_default_generates_a_key_once_keeps_it_and_lets_only_its_owner_read_it() throws IOException {
        KeyDirectory keys = new KeyDirectory(dir.resolve("tidigt-keys"));
        String first = keys.keyNamed("pseudonym.key");
        assertThat(new KeyDirectory(dir.resolve("tidigt-keys")).keyNamed("pseudonym.key")).isEqualTo(first);
        assertThat(keys.keyNamed("key-encryption.key")).isNotEqualTo(first);
        assertThat(java.util.Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tidigt-keys/pseudonym.key"))))
                .isEqualTo("rw-------");
        assertThat(new KeyDirectory(Files.createTempDirectory(dir, "other")).keyNamed("pseudonym.key"))
                .as("another installation").isNotEqualTo(first);
    }
}
