package se.tidigt.rollout.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The city's districts through time, validated as a whole: every predecessor is known and ends the
 * day before its successor starts, no code appears twice, no period ends before it starts.
 */
public final class DistrictCatalogue {
    private final Map<String, District> byCode;

    private DistrictCatalogue(Map<String, District> byCode) {
        this.byCode = byCode;
    }

    public static DistrictCatalogue of(List<District> districts) {
        Map<String, District> byCode = new LinkedHashMap<>();
        for (District district : districts) {
            if (district.code() == null || district.code().isBlank()) {
                throw new InvalidDistrictConfiguration("A district has no code");
            }
            if (byCode.put(district.code(), district) != null) {
                throw new InvalidDistrictConfiguration("District " + district.code() + " is listed twice");
            }
            if (district.validFrom() != null && district.validTo() != null && district.validTo().isBefore(district.validFrom())) {
                throw new InvalidDistrictConfiguration("District " + district.code() + " ends before it starts");
            }
        }
        byCode.values().forEach(d -> checkPredecessors(d, byCode));
        return new DistrictCatalogue(byCode);
    }

    private static void checkPredecessors(District district, Map<String, District> byCode) {
        for (String code : district.predecessors()) {
            District predecessor = byCode.get(code);
            if (predecessor == null) {
                throw new InvalidDistrictConfiguration("District " + district.code() + " names an unknown predecessor " + code);
            }
            if (district.validFrom() == null || predecessor.validTo() == null
                    || !predecessor.validTo().plusDays(1).equals(district.validFrom())) {
                throw new InvalidDistrictConfiguration("District " + district.code() + " must start the day after its "
                        + "predecessor " + code + " ends (overlapping or gapped validity)");
            }
        }
    }

    /** Stockholm since 1 July 2023: 11 district administrations, two of them formed by mergers. */
    public static DistrictCatalogue stockholm() {
        LocalDate merger = LocalDate.of(2023, 7, 1);
        LocalDate lastDayBefore = merger.minusDays(1);
        List<District> districts = new ArrayList<>(List.of(
                today("bromma", "Bromma"), today("enskede-arsta-vantor", "Enskede-Årsta-Vantör"),
                today("farsta", "Farsta"), today("hagersten-alvsjo", "Hägersten-Älvsjö"),
                today("hasselby-vallingby", "Hässelby-Vällingby"), today("kungsholmen", "Kungsholmen"),
                today("skarpnack", "Skarpnäck"), today("skarholmen", "Skärholmen"), today("sodermalm", "Södermalm"),
                new District("jarva", "Järva", merger, null, List.of("rinkeby-kista", "spanga-tensta")),
                new District("norra-innerstaden", "Norra innerstaden", merger, null, List.of("norrmalm", "ostermalm")),
                new District("rinkeby-kista", "Rinkeby-Kista", null, lastDayBefore, List.of()),
                new District("spanga-tensta", "Spånga-Tensta", null, lastDayBefore, List.of()),
                new District("norrmalm", "Norrmalm", null, lastDayBefore, List.of()),
                new District("ostermalm", "Östermalm", null, lastDayBefore, List.of())));
        return of(districts);
    }

    private static District today(String code, String name) {
        return new District(code, name, null, null, List.of());
    }

    public Optional<District> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public boolean isValidOn(String code, LocalDate date) {
        return find(code).map(d -> d.isValidOn(date)).orElse(false);
    }

    public List<District> validOn(LocalDate date) {
        return byCode.values().stream().filter(d -> d.isValidOn(date)).toList();
    }

    public List<District> all() {
        return List.copyOf(byCode.values());
    }

    /** The crosswalk: the district of today that a code's area belongs to (itself, if still valid). */
    public String currentSuccessorOf(String code) {
        String current = code;
        for (int hops = 0; hops < byCode.size(); hops++) {
            String from = current;
            Optional<District> successor = byCode.values().stream().filter(d -> d.predecessors().contains(from)).findFirst();
            if (successor.isEmpty()) {
                return current;
            }
            current = successor.get().code();
        }
        throw new InvalidDistrictConfiguration("District succession of " + code + " is circular");
    }
}
