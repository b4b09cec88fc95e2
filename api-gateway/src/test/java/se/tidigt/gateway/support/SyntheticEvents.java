package se.tidigt.gateway.support;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.tidigt.cases.api.*;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

/**
 * Case events for benchmarks, written straight into the event store ({@code domainevententry}, with
 * the application's own event serializer and the hash chain of V2) instead of through the command side,
 * which is far slower: some 15,000 events a second here against a few hundred. A city of {@code cases} cases over five years, eight
 * to nine events a case on average (concern, protection and initial assessment, worker, investigation, offers
 * and answers, interventions, collaboration, closure), children with several cases, several districts
 * and two work models; events are stored in business-time order across cases, as a live city would
 * store them, so a replay interleaves cases the way a real one does. Seeded: the same arguments give
 * the same events (ids included).
 *
 * <p>Reusable: {@code new SyntheticEvents(eventSerializer, transactions, jdbc, seed).write(115_000)} writes about
 * 1,000,000 events (the replay and statistics benchmarks).
 */
public final class SyntheticEvents {
    public static final String[] DISTRICTS = {"bromma", "enskede-arsta-vantor", "farsta", "hagersten-alvsjo", "hasselby-vallingby",
            "jarva", "kungsholmen", "norra-innerstaden", "skarpnack", "skarholmen", "sodermalm"};
    private static final Instant START = LocalDate.of(2021, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final int DAYS = 5 * 365;
    private static final int CHUNK = 5_000;

    private record Pending(Instant at, String caseId, long sequence, Object payload) {
    }

    private static final String INSERT = "INSERT INTO domainevententry (eventidentifier, aggregateidentifier, sequencenumber, "
            + "type, timestamp, payloadtype, payloadrevision, payload, metadata, chain_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final byte[] METADATA = "{}".getBytes(StandardCharsets.UTF_8);

    private final Serializer serializer;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final Random random;
    private final Map<String, byte[]> links = new HashMap<>();
    private String prefix = "synthetic";

    /** {@code serializer}: the application's event serializer (bean {@code eventSerializer}). */
    public SyntheticEvents(Serializer serializer, TransactionTemplate transactions, JdbcTemplate jdbc, long seed) {
        this.serializer = serializer;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.random = new Random(seed);
    }

    /** Case ids begin with this (default "synthetic"), so several cities can be written into one store. */
    public SyntheticEvents named(String prefix) {
        this.prefix = prefix;
        return this;
    }

    /** Writes the events of {@code cases} cases; returns how many events were written. */
    public long write(int cases) {
        PriorityQueue<Pending> queue = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()));
        List<Pending> chunk = new ArrayList<>(CHUNK);
        long written = 0;
        for (int i = 0; i < cases; i++) {
            Instant concern = START.plus(Duration.ofMinutes((long) i * DAYS * 24 * 60 / cases + random.nextInt(60)));
            while (!queue.isEmpty() && !queue.peek().at().isAfter(concern)) {
                chunk.add(queue.poll());
                if (chunk.size() == CHUNK) {
                    written += flush(chunk);
                }
            }
            queue.addAll(story(i, concern));
        }
        while (!queue.isEmpty()) {
            chunk.add(queue.poll());
            if (chunk.size() == CHUNK) {
                written += flush(chunk);
            }
        }
        return written + flush(chunk);
    }

    /**
     * One transaction a chunk, rows inserted in one JDBC batch with their hash-chain link computed here as
     * V2__event_chain.sql defines it; the trigger (which would compute the same, a row at a time, and caps
     * inserts at a few thousand a second) is switched off for this transaction only.
     */
    private long flush(List<Pending> chunk) {
        if (chunk.isEmpty()) {
            return 0;
        }
        List<Object[]> rows = new ArrayList<>(chunk.size());
        for (Pending p : chunk) {
            String eventId = UUID.nameUUIDFromBytes((p.caseId() + "/" + p.sequence()).getBytes(StandardCharsets.UTF_8)).toString();
            SerializedObject<byte[]> payload = serializer.serialize(p.payload(), byte[].class);
            String timestamp = DateTimeUtils.formatInstant(p.at());
            byte[] link = link(links.getOrDefault(p.caseId(), new byte[32]), p.caseId(), p.sequence(), eventId,
                    payload.getType().getName(), payload.getType().getRevision(), payload.getData(), timestamp);
            links.put(p.caseId(), link);
            rows.add(new Object[]{eventId, p.caseId(), p.sequence(), "Case", timestamp, payload.getType().getName(),
                    payload.getType().getRevision(), payload.getData(), METADATA, link});
        }
        transactions.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL session_replication_role = replica");
            jdbc.batchUpdate(INSERT, rows);
        });
        chunk.clear();
        return rows.size();
    }

    private static byte[] link(byte[] previous, String caseId, long sequence, String eventId, String payloadType,
                               String revision, byte[] payload, String timestamp) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous);
            field(sha, caseId.getBytes(StandardCharsets.UTF_8));
            field(sha, "Case".getBytes(StandardCharsets.UTF_8));
            sha.update(ByteBuffer.allocate(8).putLong(sequence).array());
            field(sha, eventId.getBytes(StandardCharsets.UTF_8));
            field(sha, payloadType.getBytes(StandardCharsets.UTF_8));
            field(sha, revision == null ? null : revision.getBytes(StandardCharsets.UTF_8));
            field(sha, payload);
            field(sha, METADATA);
            field(sha, timestamp.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(MessageDigest sha, byte[] value) {
        sha.update(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            sha.update(value);
        }
    }

    /** One case's events, about eight on average, each a few days to weeks after the one before. */
    private List<Pending> story(int index, Instant concern) {
        String caseId = String.format("%s-%08d", prefix, index);
        String district = DISTRICTS[random.nextInt(DISTRICTS.length)];
        String model = random.nextInt(4) == 0 ? "VALLINGBY_TEAM" : "ORDINARY";
        // About one child in four has a second case.
        int child = random.nextInt(4) == 0 && index > 0 ? random.nextInt(index) * 3 / 4 : index;
        YearMonth birth = YearMonth.from(concern.atZone(ZoneOffset.UTC)).minusMonths(12 + random.nextInt(16 * 12));
        Set<ConcernKind> kinds = Set.of(pick(ConcernKind.values()));
        List<Pending> events = new ArrayList<>();
        Instant[] at = {concern};
        long[] sequence = {0};
        java.util.function.Consumer<Object> add = payload -> events.add(new Pending(at[0], caseId, sequence[0]++, payload));
        java.util.function.IntConsumer later = days -> at[0] = at[0].plus(Duration.ofHours(1 + random.nextInt(24 * Math.max(1, days))));
        add.accept(new ConcernRaised(caseId, district, at[0], model, pick(ReporterCategory.values()), kinds,
                new Child(prefix + "-child-" + child, birth, false)));
        later.accept(1);
        add.accept(new ProtectionNeedAssessed(caseId, district, at[0], random.nextInt(20) == 0));
        later.accept(14);
        boolean investigate = random.nextInt(2) == 0;
        add.accept(new InitialAssessmentCompleted(caseId, district, at[0], investigate
                ? InitialAssessmentDecision.OPEN_INVESTIGATION : pick(InitialAssessmentDecision.values())));
        add.accept(new WorkerAssigned(caseId, district, at[0], "worker-" + random.nextInt(400), pick(WorkerFunction.values())));
        if (investigate) {
            add.accept(new InvestigationOpened(caseId, district, at[0], LocalDate.ofInstant(at[0], ZoneOffset.UTC).plusMonths(4)));
            later.accept(60);
            add.accept(new CollaborationRecorded(caseId, district, at[0], pick(CollaborationPartner.values()),
                    pick(CollaborationKind.values())));
            later.accept(60);
            add.accept(new InvestigationConcluded(caseId, district, at[0], pick(InvestigationOutcome.values())));
            String offer = "offer-1";
            later.accept(14);
            add.accept(new InterventionOffered(caseId, district, at[0], offer, pick(InterventionType.values())));
            later.accept(10);
            if (random.nextInt(10) < 7) {
                add.accept(new FamilyAccepted(caseId, district, at[0], offer, pick(ConsentBy.values())));
                later.accept(20);
                add.accept(new InterventionStarted(caseId, district, at[0], offer));
                later.accept(200);
                add.accept(new InterventionEnded(caseId, district, at[0], offer, pick(InterventionEndOutcome.values())));
            } else {
                add.accept(new FamilyDeclined(caseId, district, at[0], offer, pick(DeclineReason.values())));
            }
        }
        placements(caseId, district, at, add);
        later.accept(30);
        if (at[0].isBefore(START.plus(Duration.ofDays(DAYS)))) {
            add.accept(new CaseClosed(caseId, district, at[0], pick(ClosureReason.values())));
        }
        return events;
    }

    /**
     * About one case in six places the child out of home, most of them until an end. Drawn from a random source of
     * the case's own, so the other events are drawn as before placements existed.
     */
    private void placements(String caseId, String district, Instant[] at, java.util.function.Consumer<Object> add) {
        Random own = new Random(caseId.hashCode());
        if (own.nextInt(6) != 0) {
            return;
        }
        at[0] = at[0].plus(Duration.ofHours(1 + own.nextInt(24 * 90)));
        add.accept(new PlacementStarted(caseId, district, at[0], "placement-1",
                PlacementKind.values()[own.nextInt(PlacementKind.values().length)], own.nextInt(3) == 0));
        if (own.nextInt(4) != 0) {
            at[0] = at[0].plus(Duration.ofHours(1 + own.nextInt(24 * 300)));
            add.accept(new PlacementEnded(caseId, district, at[0], "placement-1"));
        }
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
