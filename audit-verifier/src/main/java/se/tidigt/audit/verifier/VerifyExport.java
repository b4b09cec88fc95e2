package se.tidigt.audit.verifier;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies a case export offline, with nothing but a JDK 17: no application, no database, no library.
 * <pre>java VerifyExport.java case-export.json [published-digest-hex] [--public-key=BASE64] [--mac-key=BASE64]</pre>
 * It recomputes every event's SHA-256 link from the exported bytes, checks that the readable copy of
 * each payload says what the hashed bytes say, folds the case's Merkle proof into the daily digest
 * and compares it with the digest in the file and with the one the city published; given the city's
 * public key it checks the digest's Ed25519 signature, and given the deployment's seal key every
 * event's seal. Exit 0: intact; 1: tampered or not matching; 2: unreadable input.
 * <p>
 * One self-contained file on purpose: an outside party (IVO, an external auditor) is handed this
 * file and the export and needs nothing else. The application uses the same methods for its own
 * verification, so there is one definition of the chain in Java (the database's insert trigger,
 * V2__event_chain.sql, its trigger rewritten for speed in V180, is the other; the tests hold them equal).
 */
public final class VerifyExport {
    public static final byte[] GENESIS = new byte[32];
    private static final HexFormat HEX = HexFormat.of();

    private VerifyExport() {
    }

    /**
     * One stored event: the columns the chain covers, the link stored with it, its place in the global
     * order and the seal (a MAC under the deployment's key) the application wrote with it, if any.
     */
    public record StoredEvent(String aggregateId, String aggregateType, long sequence, String eventId,
                              String payloadType, String payloadRevision, byte[] payload, byte[] metadata,
                              String recordedAt, byte[] storedLink, long globalIndex, byte[] seal) {
        public StoredEvent(String aggregateId, String aggregateType, long sequence, String eventId, String payloadType,
                           String payloadRevision, byte[] payload, byte[] metadata, String recordedAt, byte[] storedLink) {
            this(aggregateId, aggregateType, sequence, eventId, payloadType, payloadRevision, payload, metadata,
                    recordedAt, storedLink, -1, null);
        }
    }

    /** The outcome of walking a chain: intact, or the first sequence that is not genuine and why. */
    public record Verdict(boolean intact, int events, Long firstBrokenSequence, String reason, byte[] recomputedHead) {
    }

    public static void main(String[] args) {
        List<String> plain = new ArrayList<>();
        String publicKey = null;
        String macKey = null;
        for (String arg : args) {
            if (arg.startsWith("--public-key=")) {
                publicKey = arg.substring("--public-key=".length());
            } else if (arg.startsWith("--mac-key=")) {
                macKey = arg.substring("--mac-key=".length());
            } else {
                plain.add(arg);
            }
        }
        if (plain.isEmpty() || plain.size() > 2) {
            System.err.println("usage: java VerifyExport.java <case-export.json> [published-digest-hex] "
                    + "[--public-key=<base64, from GET /api/v1/audit/digests/public-key>] [--mac-key=<base64>]");
            System.exit(2);
        }
        List<String> problems;
        try {
            Keys keys = new Keys(publicKey == null ? null : publicKey(publicKey),
                    macKey == null ? null : Base64.getDecoder().decode(macKey.strip()));
            problems = check(read(Files.readString(Path.of(plain.get(0)), StandardCharsets.UTF_8)),
                    plain.size() == 2 ? plain.get(1) : null, keys, System.out);
        } catch (IOException | RuntimeException e) {
            System.err.println("Cannot read " + plain.get(0) + " as a case export: " + e);
            System.exit(2);
            return;
        }
        problems.forEach(p -> System.out.println("NOT VERIFIED: " + p));
        System.out.println(problems.isEmpty() ? "VERIFIED" : "REJECTED");
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    /** An export file's text as maps and lists. */
    public static Map<String, Object> read(String json) {
        return asObject(new Json(json).document());
    }

    /**
     * The keys an auditor may hold: the public key the digests are signed with (published by the city),
     * and the deployment's seal key (given to an auditor who is to check every event's seal). Either may be null.
     */
    public record Keys(PublicKey publicKey, byte[] macKey) {
        public static final Keys NONE = new Keys(null, null);
    }

    /** Every reason to reject the export (empty when it verifies); progress goes to {@code out}. */
    public static List<String> check(Map<String, Object> export, String publishedDigest, java.io.PrintStream out) {
        return check(export, publishedDigest, Keys.NONE, out);
    }

    /** As {@link #check(Map, String, java.io.PrintStream)}, also checking signatures and seals with the keys given. */
    public static List<String> check(Map<String, Object> export, String publishedDigest, Keys keys,
                                     java.io.PrintStream out) {
        List<String> problems = new ArrayList<>();
        List<StoredEvent> events = new ArrayList<>();
        for (Object item : (List<?>) export.get("events")) {
            Map<String, Object> e = asObject(item);
            StoredEvent event = new StoredEvent(text(e, "aggregateIdentifier"), text(e, "aggregateType"),
                    ((BigDecimal) e.get("sequence")).longValueExact(), text(e, "eventIdentifier"), text(e, "payloadType"),
                    text(e, "payloadRevision"), bytes(e, "payloadBase64"), bytes(e, "metadataBase64"),
                    text(e, "recordedAt"), HEX.parseHex(text(e, "chainHash")),
                    e.get("globalIndex") == null ? -1 : ((BigDecimal) e.get("globalIndex")).longValueExact(),
                    e.get("seal") == null ? null : HEX.parseHex(text(e, "seal")));
            events.add(event);
            if (differs(e.get("payload"), event.payload()) || differs(e.get("metadata"), event.metadata())) {
                problems.add("the readable copy of event " + event.sequence() + " differs from its hashed bytes");
            }
            if (!event.aggregateId().equals(export.get("caseId"))) {
                problems.add("event " + event.sequence() + " belongs to another case");
            }
        }
        Verdict verdict = verifyChain(events);
        out.println("case " + export.get("caseId") + ": " + verdict.events() + " events, chain "
                + (verdict.intact() ? "intact" : "broken at sequence " + verdict.firstBrokenSequence() + ": " + verdict.reason()));
        if (!verdict.intact()) {
            problems.add("chain broken at sequence " + verdict.firstBrokenSequence() + ": " + verdict.reason());
        }
        if (keys.macKey() != null) {
            long sealedAfter = export.get("sealsStartAfterGlobalIndex") == null ? Long.MAX_VALUE
                    : ((BigDecimal) export.get("sealsStartAfterGlobalIndex")).longValueExact();
            Verdict seals = verifySeals(events, keys.macKey(), sealedAfter);
            out.println("seals: " + (seals.intact() ? "every event sealed after global index " + sealedAfter
                    + " carries the application's seal" : "broken at sequence " + seals.firstBrokenSequence()));
            if (!seals.intact()) {
                problems.add("seal broken at sequence " + seals.firstBrokenSequence() + ": " + seals.reason());
            }
        }
        Object proof = export.get("digestProof");
        if (proof == null) {
            out.println("no digest proof in the export (no digest covers this case yet)");
            if (publishedDigest != null) {
                problems.add("a published digest was given, but the export holds no proof for it");
            }
        } else if (verdict.intact()) {
            problems.addAll(checkProof(asObject(proof), events, publishedDigest, keys.publicKey(), out));
        }
        return problems;
    }

    /** Whether a readable copy (if the export has one) says something else than the bytes that were hashed. */
    private static boolean differs(Object readable, byte[] hashed) {
        if (readable == null) {
            return false;
        }
        try {
            return hashed == null || !readable.equals(new Json(new String(hashed, StandardCharsets.UTF_8)).document());
        } catch (RuntimeException notJson) {
            return true;
        }
    }

    private static List<String> checkProof(Map<String, Object> proof, List<StoredEvent> events, String published,
                                           PublicKey publicKey, java.io.PrintStream out) {
        List<String> problems = new ArrayList<>();
        int head = ((BigDecimal) proof.get("headSequence")).intValueExact();
        if (head < 0 || head >= events.size()) {
            return List.of("the digest proof names sequence " + head + ", which the export does not hold");
        }
        byte[] link = recomputeHead(events.subList(0, head + 1));
        byte[] hash = leaf(events.get(0).aggregateId(), head, link);
        for (Object step : (List<?>) proof.get("path")) {
            Map<String, Object> s = asObject(step);
            byte[] sibling = HEX.parseHex(text(s, "hash"));
            hash = "left".equals(s.get("side")) ? node(sibling, hash) : node(hash, sibling);
        }
        String date = text(proof, "date");
        boolean everyStream = proof.get("format") != null && ((BigDecimal) proof.get("format")).intValueExact() >= 2;
        String digest;
        if (everyStream) {
            DayDigest day = new DayDigest(date, ((BigDecimal) proof.get("streams")).intValueExact(), hash,
                    ((BigDecimal) proof.get("accessLogPosition")).longValueExact(), HEX.parseHex(text(proof, "accessLogHead")));
            digest = HEX.formatHex(day.digest());
            if (publicKey == null) {
                out.println("signature of the digest not checked: give --public-key=<the published key>");
            } else if (proof.get("signature") == null) {
                problems.add("the digest of " + date + " carries no signature");
            } else if (!verifySignature(publicKey, day.statement(), Base64.getDecoder().decode(text(proof, "signature")))) {
                problems.add("the digest's signature does not verify with the public key given");
            } else {
                out.println("signature of the digest of " + date + ": valid (Ed25519)");
            }
        } else {
            digest = HEX.formatHex(digest(date, ((BigDecimal) proof.get("cases")).intValueExact(), hash));
        }
        out.println("digest of " + date + " recomputed from the case's head at sequence " + head + ": " + digest);
        if (!digest.equalsIgnoreCase(text(proof, "digest"))) {
            problems.add("the recomputed digest differs from the digest in the export");
        }
        if (published != null && !digest.equalsIgnoreCase(published.trim())) {
            problems.add("the recomputed digest differs from the published digest " + published.trim());
        }
        return problems;
    }

    // ---- The chain -------------------------------------------------------------------------------------------

    /** An event's link: SHA-256 over the previous link and the event's stored columns (see V2__event_chain.sql). */
    public static byte[] link(byte[] previous, StoredEvent e, long sequence) {
        Fields f = new Fields().raw(previous).text(e.aggregateId()).text(e.aggregateType()).int8(sequence)
                .text(e.eventId()).text(e.payloadType()).text(e.payloadRevision()).bytes(e.payload())
                .bytes(e.metadata()).text(e.recordedAt());
        return sha256(f.toByteArray());
    }

    /** The head link recomputed from the events' content alone, ignoring the stored links. */
    public static byte[] recomputeHead(List<StoredEvent> events) {
        byte[] link = GENESIS;
        for (StoredEvent e : events) {
            link = link(link, e, e.sequence());
        }
        return link;
    }

    /** Walks a stream in stored order; the first event that is not genuine is named, with the likeliest cause. */
    public static Verdict verifyChain(List<StoredEvent> events) {
        List<byte[]> stored = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            StoredEvent e = events.get(i);
            if (e.sequence() != i) {
                return broken(events, e.sequence() > i ? i : e.sequence(), e.sequence() > i
                        ? "event " + i + " is missing (the next stored event is " + e.sequence() + ")"
                        : "sequence " + e.sequence() + " is stored twice or out of order");
            }
            byte[] previous = i == 0 ? GENESIS : stored.get(i - 1);
            byte[] computed = link(previous, e, i);
            if (!Arrays.equals(computed, e.storedLink())) {
                return diagnose(events, stored, i, computed);
            }
            stored.add(e.storedLink());
        }
        return new Verdict(true, events.size(), null, null, events.isEmpty() ? GENESIS : stored.get(stored.size() - 1));
    }

    private static Verdict diagnose(List<StoredEvent> events, List<byte[]> stored, int i, byte[] computed) {
        StoredEvent e = events.get(i);
        StoredEvent next = i + 1 < events.size() ? events.get(i + 1) : null;
        byte[] beforePrevious = i < 2 ? GENESIS : stored.get(i - 2);
        if (i >= 1 && Arrays.equals(link(beforePrevious, e, i - 1), e.storedLink())) {
            return broken(events, i - 1, "an event was inserted at sequence " + (i - 1) + ": event " + i
                    + " was recorded as sequence " + (i - 1));
        }
        if (next != null && Arrays.equals(link(i == 0 ? GENESIS : stored.get(i - 1), next, i), next.storedLink())
                && Arrays.equals(link(next.storedLink(), e, i + 1), e.storedLink())) {
            return broken(events, i, "events " + i + " and " + (i + 1) + " were swapped");
        }
        if (next != null && Arrays.equals(link(e.storedLink(), next, i + 1), next.storedLink())) {
            return broken(events, i, "the content of event " + i + " was altered after it was stored");
        }
        if (next != null && Arrays.equals(link(computed, next, i + 1), next.storedLink())) {
            return broken(events, i, "the stored hash of event " + i + " was rewritten");
        }
        return broken(events, i, next == null
                ? "the content or the stored hash of event " + i + " (the last) was altered"
                : "event " + i + " does not follow from the event before it: altered, removed or moved");
    }

    private static Verdict broken(List<StoredEvent> events, long sequence, String reason) {
        return new Verdict(false, events.size(), sequence, reason, null);
    }

    // ---- Seals: a MAC under the deployment's key, written by the application with each event -------------

    /**
     * An event's seal: HMAC-SHA256 under the deployment's seal key over its place in the global order and
     * every column the chain covers. The database never holds the key, so a row inserted or rewritten in
     * SQL (even with its chain recomputed, or its global index swapped with another's) has no valid seal.
     */
    public static byte[] seal(byte[] key, StoredEvent e) {
        return seal(sealKey(key), e);
    }

    /** What a seal is the HMAC of: for an appender that keeps its keyed MAC between events. */
    public static byte[] sealed(long globalIndex, String aggregateId, String aggregateType, long sequence,
                                String eventId, String payloadType, String payloadRevision, byte[] payload,
                                byte[] metadata, String recordedAt) {
        return new Fields().text("tidigt-event-seal/1").int8(globalIndex).text(aggregateId).text(aggregateType)
                .int8(sequence).text(eventId).text(payloadType).text(payloadRevision).bytes(payload).bytes(metadata)
                .text(recordedAt).toByteArray();
    }

    private static byte[] seal(javax.crypto.Mac sealKey, StoredEvent e) {
        return sealKey.doFinal(sealed(e.globalIndex(), e.aggregateId(), e.aggregateType(), e.sequence(), e.eventId(),
                e.payloadType(), e.payloadRevision(), e.payload(), e.metadata(), e.recordedAt()));
    }

    /** The seal key, initialised once for every event a verification reads ({@code doFinal} leaves it keyed). */
    private static javax.crypto.Mac sealKey(byte[] key) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /**
     * Every event after global index {@code sealedAfter} must carry its seal; the global index must grow with
     * the sequence. The first event that fails is named.
     */
    public static Verdict verifySeals(List<StoredEvent> events, byte[] key, long sealedAfter) {
        javax.crypto.Mac sealKey = sealKey(key);
        long previousIndex = Long.MIN_VALUE;
        for (StoredEvent e : events) {
            if (e.globalIndex() <= previousIndex) {
                return broken(events, e.sequence(), "event " + e.sequence() + " stands before the event preceding it "
                        + "in the global order (global index " + e.globalIndex() + "): the global order was altered");
            }
            previousIndex = e.globalIndex();
            if (e.seal() == null) {
                if (e.globalIndex() > sealedAfter) {
                    return broken(events, e.sequence(), "event " + e.sequence() + " carries no seal: it was not "
                            + "written by the application (inserted with SQL)");
                }
            } else if (!MessageDigest.isEqual(e.seal(), seal(sealKey, e))) {
                return broken(events, e.sequence(), "the seal of event " + e.sequence() + " does not match its content "
                        + "and global index " + e.globalIndex() + ": written or altered outside the application");
            }
        }
        return new Verdict(true, events.size(), null, null, null);
    }

    // ---- Signatures: Ed25519 over the text of a digest or a checkpoint ---------------------------------------

    public static PublicKey publicKey(String base64) {
        try {
            return java.security.KeyFactory.getInstance("Ed25519")
                    .generatePublic(new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (X.509, Base64): " + e.getMessage(), e);
        }
    }

    public static boolean verifySignature(PublicKey key, String statement, byte[] signature) {
        try {
            java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(statement.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    /** A signed text as it is written to a file: the statement, then a last line {@code signature <base64>}. */
    public record SignedText(String statement, byte[] signature) {
        static final String SIGNATURE = "signature ";

        public static SignedText parse(String file) {
            int at = file.lastIndexOf("\n" + SIGNATURE);
            if (at < 0) {
                throw new IllegalArgumentException("no signature line");
            }
            return new SignedText(file.substring(0, at + 1),
                    Base64.getDecoder().decode(file.substring(at + 1 + SIGNATURE.length()).strip()));
        }

        public String file() {
            return statement + SIGNATURE + Base64.getEncoder().encodeToString(signature) + "\n";
        }

        public boolean verifiedBy(PublicKey key) {
            return verifySignature(key, statement, signature);
        }
    }

    /**
     * A day's digest over every stream (format 2): the Merkle root over every aggregate's head at the day's
     * end, bound to the date, the number of streams and the access log's head (its last position that day and
     * that entry's hash). Its statement is what the city's key signs.
     */
    public record DayDigest(String date, int streams, byte[] root, long accessLogPosition, byte[] accessLogHead) {
        public static final String FORMAT = "tidigt-digest/2";

        public byte[] digest() {
            return sha256(new Fields().text(FORMAT).text(date).int8(streams).raw(root).int8(accessLogPosition)
                    .raw(accessLogHead).toByteArray());
        }

        public String statement() {
            return statement(date, streams, accessLogPosition, accessLogHead, digest());
        }

        /** The text that is signed: the day, what the digest binds, and the digest. */
        public static String statement(String date, int streams, long accessLogPosition, byte[] accessLogHead,
                                       byte[] digest) {
            return FORMAT + "\ndate " + date + "\nstreams " + streams + "\naccess-log " + accessLogPosition + " "
                    + HEX.formatHex(accessLogHead) + "\ndigest " + HEX.formatHex(digest) + "\n";
        }

        /** The digest a signed statement names. */
        public static String digestIn(String statement) {
            for (String line : statement.split("\n")) {
                if (line.startsWith("digest ")) {
                    return line.substring("digest ".length());
                }
            }
            throw new IllegalArgumentException("no digest in the statement");
        }
    }

    // ---- The daily digest: a Merkle tree over every stream's head, leaves in aggregate-id order -------------

    public static byte[] leaf(String caseId, long headSequence, byte[] headLink) {
        return sha256(new Fields().raw(new byte[]{0}).text(caseId).int8(headSequence).raw(headLink).toByteArray());
    }

    public static byte[] node(byte[] left, byte[] right) {
        return sha256(new Fields().raw(new byte[]{1}).raw(left).raw(right).toByteArray());
    }

    /** The tree's root; an odd node at the end of a level moves up unchanged. No leaves: SHA-256 of nothing. */
    public static byte[] root(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return sha256(new byte[0]);
        }
        List<byte[]> level = leaves;
        while (level.size() > 1) {
            level = up(level);
        }
        return level.get(0);
    }

    /** The siblings from leaf {@code index} to the root, each with the side it sits on. */
    public static List<Map.Entry<String, byte[]>> proof(List<byte[]> leaves, int index) {
        List<Map.Entry<String, byte[]>> path = new ArrayList<>();
        List<byte[]> level = leaves;
        int i = index;
        while (level.size() > 1) {
            if (i % 2 == 1) {
                path.add(Map.entry("left", level.get(i - 1)));
            } else if (i + 1 < level.size()) {
                path.add(Map.entry("right", level.get(i + 1)));
            }
            level = up(level);
            i /= 2;
        }
        return path;
    }

    private static List<byte[]> up(List<byte[]> level) {
        List<byte[]> parents = new ArrayList<>();
        for (int i = 0; i < level.size(); i += 2) {
            parents.add(i + 1 < level.size() ? node(level.get(i), level.get(i + 1)) : level.get(i));
        }
        return parents;
    }

    /** The published value of a day in format 1 (cases only): bound to its date and the number of cases under the root. */
    public static byte[] digest(String date, int cases, byte[] root) {
        return sha256(new Fields().text(date).int8(cases).raw(root).toByteArray());
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Length-prefixed fields, as the database's tidigt_chain_field: 4-byte length and bytes, -1 for null. */
    public static final class Fields extends java.io.ByteArrayOutputStream {
        public Fields raw(byte[] bytes) {
            writeBytes(bytes);
            return this;
        }

        public Fields int4(int value) {
            return raw(ByteBuffer.allocate(4).putInt(value).array());
        }

        public Fields int8(long value) {
            return raw(ByteBuffer.allocate(8).putLong(value).array());
        }

        public Fields bytes(byte[] value) {
            int4(value == null ? -1 : value.length);
            return value == null ? this : raw(value);
        }

        public Fields text(String value) {
            return bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }
    }

    // ---- Reading the export: a small JSON reader, so the file needs no library ---------------------------------

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return (Map<String, Object>) value;
    }

    private static String text(Map<String, Object> object, String field) {
        Object value = object.get(field);
        return value == null ? null : (String) value;
    }

    private static byte[] bytes(Map<String, Object> object, String field) {
        String value = text(object, field);
        return value == null ? null : Base64.getDecoder().decode(value);
    }

    /** JSON to maps, lists, strings, BigDecimals, booleans and null. */
    static final class Json {
        private final String s;
        private int at;

        Json(String text) {
            this.s = text;
        }

        Object document() {
            Object value = value();
            space();
            if (at != s.length()) {
                throw error("trailing characters");
            }
            return value;
        }

        private Object value() {
            space();
            if (at >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(at);
            if (c == '{') {
                return object();
            } else if (c == '[') {
                return array();
            } else if (c == '"') {
                return string();
            } else if (s.startsWith("true", at) || s.startsWith("false", at) || s.startsWith("null", at)) {
                String word = s.startsWith("true", at) ? "true" : s.startsWith("false", at) ? "false" : "null";
                at += word.length();
                return "null".equals(word) ? null : Boolean.valueOf(word);
            }
            int start = at;
            while (at < s.length() && "+-0123456789.eE".indexOf(s.charAt(at)) >= 0) {
                at++;
            }
            if (start == at) {
                throw error("unexpected character");
            }
            return new BigDecimal(s.substring(start, at)).stripTrailingZeros();
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            space();
            if (s.charAt(at) == '}') {
                at++;
                return map;
            }
            do {
                space();
                String key = string();
                space();
                expect(':');
                map.put(key, value());
                space();
            } while (s.charAt(at++) == ',');
            if (s.charAt(at - 1) != '}') {
                throw error("expected , or }");
            }
            return map;
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            space();
            if (s.charAt(at) == ']') {
                at++;
                return list;
            }
            do {
                list.add(value());
                space();
            } while (s.charAt(at++) == ',');
            if (s.charAt(at - 1) != ']') {
                throw error("expected , or ]");
            }
            return list;
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (s.charAt(at) != '"') {
                char c = s.charAt(at++);
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(at++);
                switch (e) {
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(e);
                }
            }
            at++;
            return out.toString();
        }

        private void expect(char c) {
            if (at >= s.length() || s.charAt(at) != c) {
                throw error("expected " + c);
            }
            at++;
        }

        private void space() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON: " + what + " at character " + at);
        }
    }
}
