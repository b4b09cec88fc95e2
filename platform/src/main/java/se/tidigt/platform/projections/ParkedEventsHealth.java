package se.tidigt.platform.projections;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.SimpleStatusAggregator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.health.StatusAggregator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The health answer's {@code projections} component: DEGRADED while any projection has parked
 * events or a segment retrying a failed batch (the API still answers, with figures that lack those
 * events), UP otherwise. DEGRADED ranks
 * between OUT_OF_SERVICE and UP and is answered with 200; readiness and liveness do not include it.
 */
@Configuration(proxyBeanMethods = false)
class ParkedEventsHealth {
    static final Status DEGRADED = new Status("DEGRADED", "Some projections have parked events");

    @Bean
    HealthIndicator projectionsHealthIndicator(ParkedEvents parked, SegmentFailures failures) {
        return () -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            DeadLetteredGroups.NAMES.forEach(group -> counts.put(group, parked.count(group)));
            List<String> retrying = DeadLetteredGroups.NAMES.stream().filter(failures::any).toList();
            boolean any = counts.values().stream().anyMatch(n -> n > 0) || !retrying.isEmpty();
            return Health.status(any ? DEGRADED : Status.UP).withDetail("parkedEvents", counts)
                    .withDetail("retrying", retrying).build();
        };
    }

    @Bean
    StatusAggregator statusAggregator() {
        return new SimpleStatusAggregator(Status.DOWN, Status.OUT_OF_SERVICE, DEGRADED, Status.UP, Status.UNKNOWN);
    }
}
