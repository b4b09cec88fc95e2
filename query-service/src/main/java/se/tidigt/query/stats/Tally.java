package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.POJONode;

import java.util.stream.Stream;

/**
 * Counts records with their keys. Cases are keyed by case id, offers by case and offer id, so an
 * offer, a case or a set of them always carries the same key sum, whichever figure counts it.
 */
public final class Tally {
    private final RecordKeys keys;

    public Tally(RecordKeys keys) {
        this.keys = keys;
    }

    public Count cases(Stream<CaseFact> cases) {
        long[] sum = new long[2];
        cases.forEach(c -> {
            sum[0]++;
            sum[1] += keys.of("case:" + c.caseId());
        });
        return Count.of(sum[0], sum[1]);
    }

    Count offers(CaseFact c, Stream<CaseFact.OfferFact> offers) {
        long[] sum = new long[2];
        offers.forEach(o -> {
            sum[0]++;
            sum[1] += keys.of("offer:" + c.caseId() + "/" + o.offerId());
        });
        return Count.of(sum[0], sum[1]);
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

    /** A count of events (collaborations) per case: each case's key weighted by its events. */
    Count weighted(CaseFact c, long events) {
        return Count.of(events, events * keys.of("case:" + c.caseId()));
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
