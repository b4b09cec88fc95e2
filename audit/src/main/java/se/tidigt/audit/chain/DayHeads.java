package se.tidigt.audit.chain;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.tidigt.cases.api.Deadlines;
import se.tidigt.audit.accesslog.AccessLogChain;
import se.tidigt.audit.verifier.VerifyExport;
import se.tidigt.audit.verifier.VerifyExport.StoredEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every stream's chain head at the end of a Europe/Stockholm day, recomputed from the events' content
 * (never from the stored links, which a careful forger would have rewritten too), as the sorted leaves
 * of the day's Merkle tree; with the access log's head at that moment, recomputed from its entries.
 * Format 1 (digests stored before every stream was covered) takes the cases' streams only.
 */
@Component
class DayHeads {
    static final int CASES_ONLY = 1;
    static final int EVERY_STREAM = 2;

    private final EventStoreRows rows;
    private final AccessLogChain accessLog;

    DayHeads(EventStoreRows rows, AccessLogChain accessLog) {
        this.rows = rows;
        this.accessLog = accessLog;
    }

    /** The leaves in aggregate-id order: the stream, its head's sequence and the leaf hash. */
    record Heads(LocalDate date, int format, List<String> aggregateIds, List<Long> headSequences, List<byte[]> leaves,
                 int cases, AccessLogChain.Head accessLogHead) {
        byte[] digest() {
            return format == CASES_ONLY
                    ? VerifyExport.digest(date.toString(), leaves.size(), VerifyExport.root(leaves))
                    : dayDigest().digest();
        }

        VerifyExport.DayDigest dayDigest() {
            return new VerifyExport.DayDigest(date.toString(), leaves.size(), VerifyExport.root(leaves),
                    accessLogHead.position(), accessLogHead.hash());
        }
    }

    static Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(Deadlines.ZONE).toInstant();
    }

    /** The heads as the current format covers them: every stream and the access log. */
    @Transactional(readOnly = true)
    Heads of(LocalDate date) {
        return of(date, EVERY_STREAM);
    }

    @Transactional(readOnly = true)
    Heads of(LocalDate date, int format) {
        Instant end = endOf(date);
        Heads heads = new Heads(date, format, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), 0,
                format == CASES_ONLY ? null : accessLog.headAt(end));
        int[] cases = {0};
        List<StoredEvent> stream = new ArrayList<>();
        Consumer<StoredEvent> each = event -> {
            if (!stream.isEmpty() && !stream.get(0).aggregateId().equals(event.aggregateId())) {
                cases[0] += add(heads, stream);
                stream.clear();
            }
            stream.add(event);
        };
        if (format == CASES_ONLY) {
            rows.casesRecordedBefore(end, each);
        } else {
            rows.streamsRecordedBefore(end, each);
        }
        if (!stream.isEmpty()) {
            cases[0] += add(heads, stream);
        }
        return new Heads(date, format, heads.aggregateIds(), heads.headSequences(), heads.leaves(), cases[0],
                heads.accessLogHead());
    }

    /** Adds the stream's leaf; 1 when the stream is a case's. */
    private static int add(Heads heads, List<StoredEvent> stream) {
        StoredEvent last = stream.get(stream.size() - 1);
        heads.aggregateIds().add(last.aggregateId());
        heads.headSequences().add(last.sequence());
        heads.leaves().add(VerifyExport.leaf(last.aggregateId(), last.sequence(), VerifyExport.recomputeHead(stream)));
        return EventStoreRows.CASE_TYPE.equals(last.aggregateType()) ? 1 : 0;
    }
}
