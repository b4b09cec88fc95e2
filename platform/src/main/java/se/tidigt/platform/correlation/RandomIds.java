package se.tidigt.platform.correlation;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs as {@link UUID#randomUUID()} makes them, from a strong generator of each thread's
 * own. {@code UUID.randomUUID()} draws every id from one {@code SecureRandom} of the whole JVM, whose lock
 * every request thread takes several times per write (the request's correlation id, the command's, its
 * results' and each event's message ids): under load the threads queued on it (JFR: hundreds of waits of
 * 10 ms or more a minute at 16 writing clients on 2 cores). A generator per thread is never shared, so never waited for.
 *
 * <p>Each thread draws {@value #DRAWN} random bytes at a time and hands them out 16 a time: the generator's cost
 * is mostly per call, not per byte, and a bulk rebuild asks for one id per event it handles (Axon's unit of work
 * gives every handled event a result message with an id of its own; the profile of a catch-up found 8 % of the
 * handling thread in the generator's per-call work). The bytes are the same generator's, in the same order.
 */
public final class RandomIds {
    /** 64 ids a draw: a kibibyte per thread. */
    static final int DRAWN = 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final ThreadLocal<Drawn> DRAWS = ThreadLocal.withInitial(Drawn::new);

    private RandomIds() {
    }

    /** A new random UUID. */
    public static UUID next() {
        Drawn drawn = DRAWS.get();
        int at = drawn.take();
        long most = (long) LONGS.get(drawn.bytes, at);
        long least = (long) LONGS.get(drawn.bytes, at + 8);
        most = (most & ~0xF000L) | 0x4000L; // version 4
        least = (least & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // the IETF variant
        return new UUID(most, least);
    }

    /** A thread's generator and the bytes it drew last, handed out 16 at a time. */
    private static final class Drawn {
        private final SecureRandom random = newGenerator();
        private final byte[] bytes = new byte[DRAWN];
        private int next = DRAWN;

        int take() {
            if (next == DRAWN) {
                random.nextBytes(bytes);
                next = 0;
            }
            int at = next;
            next += 16;
            return at;
        }
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
