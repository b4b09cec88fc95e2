package se.tidigt.gateway.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.tidigt.gateway.problem.ApiProblem;

import java.util.List;

/**
 * Every projection's state: where its processor stands in the event stream, how far behind the
 * head it is, and how far a rebuild has come. Lag and progress are also Micrometer gauges
 * ({@code tidigt.projection.lag}, {@code tidigt.projection.replay.progress}).
 */
@Component
class ProjectionAdmin {
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final SubscribingRebuild subscribingRebuild;

    ProjectionAdmin(EventProcessingConfiguration processing, JdbcTemplate jdbc, SubscribingRebuild subscribingRebuild) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.subscribingRebuild = subscribingRebuild;
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerGauges(ApplicationReadyEvent ready) {
        MeterRegistry registry = ready.getApplicationContext().getBean(MeterRegistry.class);
        processing.eventProcessors().keySet().forEach(name -> {
            Gauge.builder("tidigt.projection.lag", () -> status(name).lag()).tag("processor", name)
                    .description("Events the projection is behind the head of the event store").register(registry);
            Gauge.builder("tidigt.projection.replay.progress", () -> status(name).replayProgressPercent())
                    .tag("processor", name).description("Per cent of a running rebuild done (100 when none runs)")
                    .register(registry);
        });
    }

    List<ProjectionStatus> all() {
        return processing.eventProcessors().keySet().stream().sorted().map(this::status).toList();
    }

    ProjectionStatus status(String name) {
        EventProcessor processor = processor(name);
        long head = head();
        if (processor instanceof StreamingEventProcessor streaming) {
            return ProjectionStatus.ofStreaming(name, streaming, head);
        }
        return ProjectionStatus.ofSubscribing(name, head, subscribingRebuild.progress(name));
    }

    /** Starts a rebuild from the first event; the API keeps answering from the current tables meanwhile. */
    void replay(String name) {
        EventProcessor processor = processor(name);
        if (processor instanceof StreamingEventProcessor streaming) {
            // Off the request thread: shutting down waits for the processor's threads to release their segments.
            new Thread(() -> {
                streaming.shutDown();
                streaming.resetTokens();
                streaming.start();
            }, "replay-" + name).start();
        } else if (processor instanceof SubscribingEventProcessor subscribing) {
            subscribingRebuild.start(name, subscribing);
        }
    }

    private EventProcessor processor(String name) {
        return processing.eventProcessor(name).orElseThrow(() -> ApiProblem.notFound("Projection " + name));
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
        return head == null ? -1 : head;
    }
}
