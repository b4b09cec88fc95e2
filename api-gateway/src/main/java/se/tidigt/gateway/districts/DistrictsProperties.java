package se.tidigt.gateway.districts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import se.tidigt.rollout.api.District;

import java.time.LocalDate;
import java.util.List;

/**
 * The city's districts, as configuration: {@code tidigt.districts[i].code/name/valid-from/valid-to/
 * predecessors}. Empty means Stockholm's list (11 districts since 2023-07-01 and the four they replaced).
 */
@ConfigurationProperties("tidigt")
public record DistrictsProperties(List<DistrictEntry> districts) {

    public record DistrictEntry(String code, String name, LocalDate validFrom, LocalDate validTo,
                                List<String> predecessors) {
        District toDistrict() {
            return new District(code, name, validFrom, validTo, predecessors == null ? List.of() : predecessors);
        }
    }
}
