package se.tidigt.audit.signed;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.tidigt.audit.verifier.VerifyExport.SignedText;
import se.tidigt.platform.secrets.AuditKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checkpoint directory ({@code TIDIGT_AUDIT_CHECKPOINT_DIR}): one file per digest and per checkpoint,
 * each a statement and its Ed25519 signature. A file is written once (to a temporary name, then moved into
 * place) and never replaced: the first writer of a name wins.
 */
@Component
public class SignedFiles {
    private final Path directory;
    private final AuditKeys keys;

    SignedFiles(@Value("${tidigt.audit.checkpoint-dir}") Path directory, AuditKeys keys) {
        this.directory = directory.toAbsolutePath().normalize();
        this.keys = keys;
    }

    public Path directory() {
        return directory;
    }

    /** Signs the statement and writes it as {@code name}, unless a file of that name exists (then that one stands). */
    public SignedText write(String name, String statement) {
        SignedText signed = new SignedText(statement, keys.sign(statement));
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".writing-", ".tmp");
            Files.writeString(temporary, signed.file(), StandardCharsets.UTF_8);
            try {
                // A hard link appears whole or not at all, and never replaces a file of that name.
                Files.createLink(directory.resolve(name), temporary);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (FileAlreadyExistsException exists) {
            return read(name).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + directory.resolve(name)
                    + ": make TIDIGT_AUDIT_CHECKPOINT_DIR writable", e);
        }
        return signed;
    }

    public boolean exists(String name) {
        return Files.exists(directory.resolve(name));
    }

    public Optional<SignedText> read(String name) {
        Path file = directory.resolve(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SignedText.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** The names of the files starting with {@code prefix}, sorted. */
    public List<String> names(String prefix) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }
}
