package se.tidigt.audit.signed;

import se.tidigt.audit.verifier.VerifyExport;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One checkpoint as signed: the heads of the streams that changed since the previous checkpoint (every
 * event up to global index {@code eventsThrough}), the access log's head, where sealing began, and the hash
 * of the previous checkpoint's statement, so that a checkpoint removed from the directory is noticed.
 * <pre>
 * tidigt-checkpoint/1
 * number 12
 * taken-at 2026-12-07T10:20:00Z
 * events-through 48211
 * seals-from 0
 * previous 5f1c… (or none)
 * access-log 9120 0be3…
 * head farsta 3 a41e…            (aggregate id URL-encoded, sequence, chain link)
 * </pre>
 */
public record Checkpoint(long number, Instant takenAt, long eventsThrough, long sealsFrom, String previous,
                         long accessLogPosition, byte[] accessLogHash, List<Head> heads) {
    static final String FORMAT = "tidigt-checkpoint/1";
    private static final HexFormat HEX = HexFormat.of();

    public record Head(String aggregateId, long sequence, byte[] link) {
    }

    static String fileName(long number) {
        return String.format("checkpoint-%012d.txt", number);
    }

    String statement() {
        StringBuilder text = new StringBuilder(FORMAT).append('\n')
                .append("number ").append(number).append('\n')
                .append("taken-at ").append(takenAt).append('\n')
                .append("events-through ").append(eventsThrough).append('\n')
                .append("seals-from ").append(sealsFrom).append('\n')
                .append("previous ").append(previous).append('\n')
                .append("access-log ").append(accessLogPosition).append(' ').append(HEX.formatHex(accessLogHash)).append('\n');
        for (Head head : heads) {
            text.append("head ").append(URLEncoder.encode(head.aggregateId(), StandardCharsets.UTF_8)).append(' ')
                    .append(head.sequence()).append(' ').append(HEX.formatHex(head.link())).append('\n');
        }
        return text.toString();
    }

    /** The hash the next checkpoint names as its previous one. */
    static String hashOf(String statement) {
        return HEX.formatHex(VerifyExport.sha256(statement.getBytes(StandardCharsets.UTF_8)));
    }

    static Checkpoint parse(String statement) {
        String[] lines = statement.split("\n");
        if (!FORMAT.equals(lines[0])) {
            throw new IllegalArgumentException("not a " + FORMAT);
        }
        long number = 0;
        long through = 0;
        long sealsFrom = 0;
        Instant taken = null;
        String previous = null;
        long position = 0;
        byte[] hash = null;
        List<Head> heads = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(" ");
            switch (f[0]) {
                case "number" -> number = Long.parseLong(f[1]);
                case "taken-at" -> taken = Instant.parse(f[1]);
                case "events-through" -> through = Long.parseLong(f[1]);
                case "seals-from" -> sealsFrom = Long.parseLong(f[1]);
                case "previous" -> previous = f[1];
                case "access-log" -> {
                    position = Long.parseLong(f[1]);
                    hash = HEX.parseHex(f[2]);
                }
                case "head" -> heads.add(new Head(URLDecoder.decode(f[1], StandardCharsets.UTF_8), Long.parseLong(f[2]),
                        HEX.parseHex(f[3])));
                default -> throw new IllegalArgumentException("unknown line " + f[0]);
            }
        }
        return new Checkpoint(number, taken, through, sealsFrom, previous, position, hash, heads);
    }
}
