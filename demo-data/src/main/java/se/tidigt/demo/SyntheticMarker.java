package se.tidigt.demo;

import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.tidigt.platform.axon.EventMetadata;

/**
 * Every event the demo data causes carries {@code synthetic: true} in its metadata, beside the
 * actor, so no one can take it for a real child's history (and it can be found and removed).
 */
@Configuration(proxyBeanMethods = false)
class SyntheticMarker {
    static final String SYNTHETIC = "synthetic";
    static final MetaData DEMO_COMMAND = MetaData.with(SYNTHETIC, Boolean.TRUE)
            .and(EventMetadata.ACTOR_USER, "demo-data").and(EventMetadata.ACTOR_ROLE, "PLATFORM_ADMIN");

    /** Copies the marker from the demo commands onto the events they cause. */
    @Bean
    CorrelationDataProvider syntheticMetadata() {
        return new SimpleCorrelationDataProvider(SYNTHETIC);
    }
}
