package se.tidigt.platform.correlation;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs as {@link UUID#randomUUID()} makes them, from a strong generator of each thread's
 * own. {@code UUID.randomUUID()} draws every id from one {@code SecureRandom} of the whole JVM, whose lock
 * every request thread takes several times per write (the request's correlation id, the command's, its
 * results' and each event's message ids): under load the threads queued on it (JFR: hundreds of waits of
 * 10 ms or more a minute at 16 writing clients on 2 cores). A generator per thread is never shared, so never waited for.
 */
public final class RandomIds {
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(RandomIds::newGenerator);

    private RandomIds() {
    }

    /** A new random UUID. */
    public static UUID next() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // the IETF variant
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(most, least);
    }

    private static SecureRandom newGenerator() {
        try {
            // Seeded from the operating system's entropy on first use, as UUID.randomUUID()'s generator is.
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("No DRBG SecureRandom in this JDK", e);
        }
    }
}
