package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.POJONode;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Counts records with their keys. Cases are keyed by case id, offers by case and offer id, so an
 * offer, a case or a set of them always carries the same key sum, whichever figure counts it.
 */
public final class Tally {
    private final RecordKeys keys;
    /**
     * Each record's key, remembered by the record object for this tally's answer: a figure counts the same
     * cases dozens of times, and building the record id and looking it up each time was most of the cost
     * of a protected answer. Same keys, so the same published counts. A tally serves one request.
     */
    private final Map<Object, Long> known = new IdentityHashMap<>();

    public Tally(RecordKeys keys) {
        this.keys = keys;
    }

    public Count cases(Stream<CaseFact> cases) {
        long[] sum = new long[2];
        cases.forEach(c -> {
            sum[0]++;
            sum[1] += key(c);
        });
        return Count.of(sum[0], sum[1]);
    }

    Count offers(CaseFact c, Stream<CaseFact.OfferFact> offers) {
        long[] sum = new long[2];
        offers.forEach(o -> {
            sum[0]++;
            sum[1] += keys == RecordKeys.NONE ? 0 : known.computeIfAbsent(o, x -> keys.of("offer:" + c.caseId() + "/" + o.offerId()));
        });
        return Count.of(sum[0], sum[1]);
    }

    private long key(CaseFact c) {
        return keys == RecordKeys.NONE ? 0 : known.computeIfAbsent(c, x -> keys.of("case:" + c.caseId()));
    }

    /** Offers of several cases matching a test. */
    public Count offers(Iterable<CaseFact> cases, java.util.function.Predicate<CaseFact.OfferFact> which) {
        long n = 0;
        long key = 0;
        for (CaseFact c : cases) {
            Count one = offers(c, c.offers().stream().filter(which));
            n += one.n();
            key += one.key();
        }
        return Count.of(n, key);
    }

    /** The record id a placement is keyed by, wherever it is counted. */
    static String placementId(CaseFact c, CaseFact.PlacementFact p) {
        return "placement:" + c.caseId() + "/" + p.placementId();
    }

    /** Placements of several cases, each counted {@code weight} times (1: a count; its days: placement days) with its key. */
    Count placements(Iterable<CaseFact> cases, java.util.function.ToLongFunction<CaseFact.PlacementFact> weight) {
        long n = 0;
        long key = 0;
        for (CaseFact c : cases) {
            for (CaseFact.PlacementFact p : c.placements()) {
                long w = weight.applyAsLong(p);
                n += w;
                key += w * (keys == RecordKeys.NONE ? 0 : known.computeIfAbsent(p, x -> keys.of(placementId(c, p))));
            }
        }
        return Count.of(n, key);
    }

    /** A count of events (collaborations) per case: each case's key weighted by its events. */
    Count weighted(CaseFact c, long events) {
        return Count.of(events, events * key(c));
    }

    /** An aggregate tally (open-access support) keyed by what identifies it. */
    Count tally(String id, long n) {
        return Count.of(n, keys.of("tally:" + id));
    }

    static POJONode node(Count count) {
        return new POJONode(count);
    }

    static POJONode node(Guarded guarded) {
        return new POJONode(guarded);
    }
}
