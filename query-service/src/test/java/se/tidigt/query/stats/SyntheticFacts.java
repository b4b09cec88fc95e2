package se.tidigt.query.stats;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Synthetic case facts for plain-object tests of the statistics, no database. */
public final class SyntheticFacts {
    public static final DistrictCrosswalk STOCKHOLM = new DistrictCrosswalk() {
        @Override
        public String todayOf(String district) {
            return switch (district) {
                case "rinkeby-kista", "spanga-tensta" -> "jarva";
                default -> district;
            };
        }

        @Override
        public List<String> today() {
            return List.of("farsta", "hasselby-vallingby", "jarva");
        }

        @Override
        public List<String> all() {
            return List.of("farsta", "hasselby-vallingby", "jarva", "rinkeby-kista", "spanga-tensta");
        }
    };

    private final List<CaseFact> facts = new ArrayList<>();
    private int next;

    /** A case with one answer per given letter: 'A' accepted, 'D' declined, 'O' offered, not answered. */
    public SyntheticFacts add(String district, String workModel, String receivedAt, String answers, String... concerns) {
        return add(district, workModel, receivedAt, 1, answers, concerns);
    }

    /** The same, with the first offer {@code days} after the concern. */
    public SyntheticFacts add(String district, String workModel, String receivedAt, int days, String answers, String... concerns) {
        String caseId = "case-" + (++next);
        Instant received = Instant.parse(receivedAt);
        List<CaseFact.OfferFact> offers = new ArrayList<>();
        for (int i = 0; i < answers.length(); i++) {
            char a = answers.charAt(i);
            Instant offered = received.plusSeconds(86_400L * (i + days));
            String answer = a == 'A' ? "ACCEPTED" : a == 'D' ? "DECLINED" : null;
            offers.add(new CaseFact.OfferFact("offer-" + i, offered, answer, answer == null ? null : offered.plusSeconds(3600),
                    a == 'A' ? offered.plusSeconds(7200) : null, null));
        }
        facts.add(new CaseFact(caseId, district, district, workModel,
                Set.of(concerns.length == 0 ? new String[]{"CRIME_RISK"} : concerns), "child-" + next, YearMonth.of(2012, 5),
                received, received, received, "EARLY_SUPPORT", null, null, null, null,
                answers.contains("O") ? null : received.plusSeconds(86_400L * 40), 1, offers, Map.of()));
        return this;
    }

    /** Any case fact as it is (see {@code SyntheticCity} for whole cities). */
    public SyntheticFacts add(CaseFact fact) {
        facts.add(fact);
        return this;
    }

    public List<CaseFact> facts() {
        return facts;
    }

    public CaseFacts repository() {
        List<CaseFact> all = List.copyOf(facts);
        return new CaseFacts(null) {
            @Override
            public List<CaseFact> all() {
                return all;
            }

            @Override
            List<OpenAccessCount> openAccess() {
                return List.of();
            }
        };
    }
}
