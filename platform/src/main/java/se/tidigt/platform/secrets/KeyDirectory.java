package se.tidigt.platform.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the embedded default keeps the keys it generated for itself on first start (inside its data
 * directory, readable by the owner only), so that no key is published in the source and a restart
 * finds the same pseudonyms and can still read what it encrypted. A real deployment gives its keys
 * in the environment instead; this directory then does not exist.
 */
public record KeyDirectory(Path path) {

    /** The key in {@code name}, made of 32 random bytes the first time. */
    public String keyNamed(String name) {
        Path file = path.resolve(name);
        try {
            Files.createDirectories(path);
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                try {
                    Files.writeString(file, Base64.getEncoder().encodeToString(random), StandardCharsets.US_ASCII,
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    ownerOnly(file);
                } catch (FileAlreadyExistsException raced) {
                    // another start made it first: read theirs
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new RefusedStart("The generated key " + file + " cannot be read or written (" + e + ").",
                    "Make the data directory writable, or set the key in the environment.");
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions apply
        }
    }
}
