package se.tidigt.gateway.districts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.tidigt.cases.api.Deadlines;
import se.tidigt.cases.api.DistrictCalendar;
import se.tidigt.query.stats.DistrictCrosswalk;
import se.tidigt.rollout.api.District;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import se.tidigt.rollout.api.DistrictCatalogue;

/**
 * The city's districts through time, from configuration (Stockholm's by default) and validated at
 * start-up: an unknown predecessor or overlapping validity stops the application with a message.
 * The case domain asks the calendar whether a district code is valid on a date; the two domains
 * never meet except here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DistrictsProperties.class)
class DistrictsConfiguration {

    @Bean
    DistrictCatalogue districtCatalogue(DistrictsProperties properties) {
        if (properties.districts() == null || properties.districts().isEmpty()) {
            return DistrictCatalogue.stockholm();
        }
        return DistrictCatalogue.of(properties.districts().stream().map(DistrictsProperties.DistrictEntry::toDistrict).toList());
    }

    @Bean
    DistrictCalendar districtCalendar(DistrictCatalogue catalogue) {
        return catalogue::isValidOn;
    }

    /** The statistics read history on today's districts through the catalogue's crosswalk. */
    @Bean
    DistrictCrosswalk districtCrosswalk(DistrictCatalogue catalogue, Clock clock) {
        return new DistrictCrosswalk() {
            @Override
            public String todayOf(String district) {
                return catalogue.currentSuccessorOf(district);
            }

            @Override
            public List<String> today() {
                return catalogue.validOn(LocalDate.now(clock.withZone(Deadlines.ZONE))).stream().map(District::code).toList();
            }

            @Override
            public List<String> all() {
                return catalogue.all().stream().map(District::code).toList();
            }
        };
    }
}
