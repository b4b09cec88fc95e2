package se.tidigt.gateway.districts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.tidigt.cases.api.DistrictCalendar;
import se.tidigt.rollout.api.DistrictCatalogue;

/**
 * The city's districts through time. The case domain asks the calendar whether a district code is
 * valid on a date; the two domains never meet except here.
 */
@Configuration(proxyBeanMethods = false)
class DistrictsConfiguration {

    @Bean
    DistrictCatalogue districtCatalogue() {
        return DistrictCatalogue.stockholm();
    }

    @Bean
    DistrictCalendar districtCalendar(DistrictCatalogue catalogue) {
        return catalogue::isValidOn;
    }
}
