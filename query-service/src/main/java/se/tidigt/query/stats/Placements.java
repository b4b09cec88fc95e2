package se.tidigt.query.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Out-of-home placements of a group: how many, how many under LVU, their days, and the share of children
 * placed within 24 months of their first concern. The rule that the compulsory ones never outnumber all
 * of them belongs to the type, like the funnel's.
 */
record Placements(Count placements, Count compulsory, Count placementDays, Share placedWithin24Months) implements Figure {

    /** Compulsory placements within all placements after rounding; the share's numerator within its denominator. */
    void rules(Publication publication) {
        publication.partOf(compulsory, placements);
        publication.partOf(placedWithin24Months.numerator(), placedWithin24Months.denominator());
    }

    @Override
    public Map<String, Count> counts() {
        Map<String, Count> counts = new LinkedHashMap<>();
        counts.put("placements", placements);
        counts.put("compulsory", compulsory);
        counts.put("placementDays", placementDays);
        placedWithin24Months.counts().forEach((name, count) -> counts.put("placedWithin24Months." + name, count));
        return counts;
    }

    @Override
    public Placements plus(Figure other) {
        Placements b = (Placements) other;
        return new Placements(placements.plus(b.placements), compulsory.plus(b.compulsory),
                placementDays.plus(b.placementDays), placedWithin24Months.plus(b.placedWithin24Months));
    }
}
