package se.tidigt.audit.signed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import se.tidigt.audit.accesslog.AccessLogChain;
import se.tidigt.audit.chain.EventStoreRows;
import se.tidigt.audit.verifier.VerifyExport.SignedText;
import se.tidigt.platform.secrets.AuditKeys;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Takes the frequent checkpoints ({@code TIDIGT_AUDIT_CHECKPOINT_INTERVAL}) and reads them back for
 * verification. A checkpoint is cheap: it reads only the events appended since the previous one (by global
 * index, through the primary key) and the access log's last entry. Its signed file outlives anything a
 * database superuser can do; comparing the database with it finds a stream or an access log cut short or
 * rewritten since, and a seal start moved.
 */
@Service
public class Checkpoints {
    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    /** Appends last seconds (statement and idle timeouts): an event older than this has committed. */
    static final Duration SETTLING = Duration.ofMinutes(1);
    private static final String PREFIX = "checkpoint-";

    private final SignedFiles files;
    private final AuditKeys keys;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AccessLogChain accessLog;
    private final EventStoreRows rows;
    private final Clock clock;
    private final Map<String, Checkpoint> read = new ConcurrentHashMap<>();

    Checkpoints(SignedFiles files, AuditKeys keys, JdbcTemplate jdbc, TransactionTemplate transactions,
                AccessLogChain accessLog, EventStoreRows rows, Clock clock) {
        this.files = files;
        this.keys = keys;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.accessLog = accessLog;
        this.rows = rows;
        this.clock = clock;
    }

    /**
     * Takes the next checkpoint, unless another instance is taking one now (an advisory lock). Returns it,
     * or empty when another instance held the lock.
     */
    public Optional<Checkpoint> take() {
        return transactions.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(hashtext('tidigt.audit.checkpoint'))",
                    Boolean.class))) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            Optional<Checkpoint> last = latest();
            long after = last.map(Checkpoint::eventsThrough).orElse(0L);
            Long through = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry WHERE globalindex > ? "
                    + "AND CAST(timestamp AS timestamptz) < ?", Long.class, after, Timestamp.from(now.minus(SETTLING)));
            long eventsThrough = through == null ? after : through;
            List<Checkpoint.Head> heads = jdbc.query("SELECT DISTINCT ON (aggregateidentifier) aggregateidentifier, "
                    + "sequencenumber, chain_hash FROM domainevententry WHERE globalindex > ? AND globalindex <= ? "
                    + "ORDER BY aggregateidentifier, sequencenumber DESC", (rs, n) -> new Checkpoint.Head(
                    rs.getString(1), rs.getLong(2), rs.getBytes(3)), after, eventsThrough);
            AccessLogChain.Head logHead = accessLog.storedHead();
            Checkpoint checkpoint = new Checkpoint(nextNumber(), now, eventsThrough,
                    rows.sealsStartAfter(), last.map(c -> Checkpoint.hashOf(c.statement())).orElse("none"),
                    logHead.position(), logHead.hash(), heads);
            String name = Checkpoint.fileName(checkpoint.number());
            SignedText written = files.write(name, checkpoint.statement());
            Checkpoint stored = Checkpoint.parse(written.statement());
            read.put(name, stored);
            log.debug("Audit checkpoint {}: {} streams changed, events through {}, access log at {}", stored.number(),
                    heads.size(), eventsThrough, logHead.position());
            return Optional.of(stored);
        });
    }

    /** After the highest number in the directory, whatever that file holds: a file is never written over. */
    private long nextNumber() {
        List<String> names = files.names(PREFIX);
        if (names.isEmpty()) {
            return 1;
        }
        String last = names.get(names.size() - 1);
        return Long.parseLong(last.substring(PREFIX.length(), last.indexOf('.'))) + 1;
    }

    /** The newest checkpoint whose signature verifies (an altered file is reported by verify, not built on). */
    private Optional<Checkpoint> latest() {
        List<String> names = files.names(PREFIX);
        for (int i = names.size() - 1; i >= 0; i--) {
            Loaded loaded = load(names.get(i));
            if (loaded.checkpoint() != null) {
                return Optional.of(loaded.checkpoint());
            }
        }
        return Optional.empty();
    }

    /** A checkpoint file read and its signature checked. */
    record Loaded(String name, Checkpoint checkpoint, String problem) {
    }

    private Loaded load(String name) {
        Checkpoint cached = read.get(name);
        if (cached != null) {
            return new Loaded(name, cached, null);
        }
        try {
            SignedText signed = files.read(name).orElseThrow();
            if (!signed.verifiedBy(keys.publicKey())) {
                return new Loaded(name, null, "the signature of " + name + " does not verify: the file was altered");
            }
            Checkpoint checkpoint = Checkpoint.parse(signed.statement());
            read.put(name, checkpoint);
            return new Loaded(name, checkpoint, null);
        } catch (RuntimeException e) {
            return new Loaded(name, null, name + " cannot be read as a signed checkpoint (" + e.getMessage() + ")");
        }
    }

    /**
     * Everything the checkpoints say, folded: each stream's latest checkpointed head, the access log's
     * latest head, the seal start, and any problem with the files themselves (a bad signature, a gap).
     */
    public record Record(Map<String, Recorded> heads, Recorded accessLog, Long sealsFrom, List<String> problems) {
        public Optional<Recorded> headOf(String aggregateId) {
            return Optional.ofNullable(heads.get(aggregateId));
        }
    }

    /** A head as a checkpoint recorded it: a sequence (or an access log position) and its link. */
    public record Recorded(long checkpoint, Instant takenAt, long at, byte[] link) {
    }

    private final Fold fold = new Fold();

    /** What the files in the directory say, folded once per file (files are written once and never change). */
    public synchronized Record record() {
        List<String> names = files.names(PREFIX);
        List<String> problems = new ArrayList<>(fold.problems);
        for (String seen : fold.names) {
            if (!names.contains(seen)) {
                problems.add("the checkpoint file " + seen + " was removed from the directory");
            }
        }
        for (String name : names) {
            if (fold.names.contains(name)) {
                continue;
            }
            fold.names.add(name);
            Loaded loaded = load(name);
            if (loaded.problem() != null) {
                fold.problems.add(loaded.problem());
                problems.add(loaded.problem());
                continue;
            }
            Checkpoint c = loaded.checkpoint();
            if (c.number() != fold.expected || !fold.previous.equals(c.previous())) {
                String gap = "checkpoint " + fold.expected + " is missing or was replaced (the next present is "
                        + c.number() + ")";
                fold.problems.add(gap);
                problems.add(gap);
            }
            fold.expected = c.number() + 1;
            fold.previous = Checkpoint.hashOf(c.statement());
            for (Checkpoint.Head head : c.heads()) {
                fold.heads.put(head.aggregateId(), new Recorded(c.number(), c.takenAt(), head.sequence(), head.link()));
            }
            fold.log = new Recorded(c.number(), c.takenAt(), c.accessLogPosition(), c.accessLogHash());
            fold.sealsFrom = c.sealsFrom();
        }
        return new Record(Collections.unmodifiableMap(fold.heads), fold.log, fold.sealsFrom,
                List.copyOf(problems));
    }

    /** The folded state of the files read so far. */
    private static final class Fold {
        final java.util.Set<String> names = new java.util.HashSet<>();
        final Map<String, Recorded> heads = new ConcurrentHashMap<>();
        final List<String> problems = new ArrayList<>();
        Recorded log;
        Long sealsFrom;
        String previous = "none";
        long expected = 1;
    }
}
