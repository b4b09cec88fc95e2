package se.tidigt.gateway.audit.chain;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.tidigt.cases.api.Deadlines;
import se.tidigt.gateway.audit.offline.VerifyExport;
import se.tidigt.gateway.audit.offline.VerifyExport.StoredEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Every case's chain head at the end of a Europe/Stockholm day, recomputed from the events' content
 * (never from the stored links, which a careful forger would have rewritten too), as the sorted
 * leaves of the day's Merkle tree.
 */
@Component
class DayHeads {
    private final EventStoreRows rows;

    DayHeads(EventStoreRows rows) {
        this.rows = rows;
    }

    /** The leaves in case-id order: the case, its head's sequence and the leaf hash. */
    record Heads(LocalDate date, List<String> caseIds, List<Long> headSequences, List<byte[]> leaves) {
        byte[] digest() {
            return VerifyExport.digest(date.toString(), leaves.size(), VerifyExport.root(leaves));
        }
    }

    static Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(Deadlines.ZONE).toInstant();
    }

    @Transactional(readOnly = true)
    Heads of(LocalDate date) {
        Heads heads = new Heads(date, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<StoredEvent> stream = new ArrayList<>();
        rows.casesRecordedBefore(endOf(date), event -> {
            if (!stream.isEmpty() && !stream.get(0).aggregateId().equals(event.aggregateId())) {
                add(heads, stream);
                stream.clear();
            }
            stream.add(event);
        });
        if (!stream.isEmpty()) {
            add(heads, stream);
        }
        return heads;
    }

    private static void add(Heads heads, List<StoredEvent> stream) {
        StoredEvent last = stream.get(stream.size() - 1);
        heads.caseIds().add(last.aggregateId());
        heads.headSequences().add(last.sequence());
        heads.leaves().add(VerifyExport.leaf(last.aggregateId(), last.sequence(), VerifyExport.recomputeHead(stream)));
    }
}
