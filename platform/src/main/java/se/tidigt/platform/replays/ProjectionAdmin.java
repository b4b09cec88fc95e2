package se.tidigt.platform.replays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.tidigt.platform.cluster.ClusterMembers;
import se.tidigt.platform.problem.ApiProblem;
import se.tidigt.platform.projections.ParkedEvents;
import se.tidigt.platform.projections.SegmentFailures;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every projection's state: where its processor stands in the event stream, how far behind the
 * head it is, how far a rebuild has come, and what it has parked. Lag, progress and parked events
 * are also Micrometer gauges ({@code tidigt.projection.lag}, {@code tidigt.projection.replay.progress},
 * {@code tidigt.projection.parked.events}).
 */
@Component
public class ProjectionAdmin {
    private static final ObjectMapper TOKENS = new ObjectMapper();

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final SubscribingRebuild subscribingRebuild;
    private final Replays replays;
    private final ParkedEvents parked;
    private final ClusterMembers members;
    private final SegmentFailures failures;
    private final BulkCatchUp bulkCatchUp;

    ProjectionAdmin(EventProcessingConfiguration processing, JdbcTemplate jdbc, SubscribingRebuild subscribingRebuild,
                    Replays replays, ParkedEvents parked, ClusterMembers members, SegmentFailures failures,
                    BulkCatchUp bulkCatchUp) {
        this.bulkCatchUp = bulkCatchUp;
        this.failures = failures;
        this.processing = processing;
        this.jdbc = jdbc;
        this.subscribingRebuild = subscribingRebuild;
        this.replays = replays;
        this.parked = parked;
        this.members = members;
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
            Gauge.builder("tidigt.projection.parked.events", () -> parked.count(name)).tag("processor", name)
                    .description("Events parked in the dead-letter queue after their handler failed")
                    .register(registry);
        });
    }

    /**
     * Whether this instance is about to catch a projection up in bulk, or doing so: one of the bulk projections
     * (the statistics) stands at least {@code tidigt.catch-up.bulk-threshold} events behind.
     */
    public boolean catchingUpInBulk() {
        return bulkCatchUp.anyDue();
    }

    public List<ProjectionStatus> all() {
        return processing.eventProcessors().keySet().stream().sorted().map(this::status).toList();
    }

    public ProjectionStatus status(String name) {
        EventProcessor processor = processor(name);
        long head = head();
        if (processor instanceof StreamingEventProcessor streaming) {
            return ProjectionStatus.ofStreaming(name, streaming, storedSegments(name), head, replays.state(name),
                    parked.summary(name), failures, replays.catchUp(name));
        }
        return ProjectionStatus.ofSubscribing(name, processor.isRunning(), head, subscribingRebuild.progress(name),
                replays.state(name));
    }

    /** Starts a rebuild from the first event; the API keeps answering from the current tables meanwhile. */
    public void replay(String name) {
        EventProcessor processor = processor(name);
        if (processor instanceof StreamingEventProcessor) {
            requireNoOtherInstanceRunning(name);
        }
        replays.start(name, processor);
    }

    /**
     * A reset needs every segment's claim; segments another live instance holds would fail it half way.
     * So the replay is refused up front, naming the instances (see docs/reliability.md, three instances).
     */
    private void requireNoOtherInstanceRunning(String name) {
        Set<String> others = new HashSet<>(members.live());
        others.remove(ClusterMembers.NODE_ID);
        List<String> owners = storedSegments(name).stream().map(ProjectionStatus.StoredSegment::owner)
                .filter(others::contains).distinct().sorted().toList();
        if (!owners.isEmpty()) {
            throw ApiProblem.conflict("replay-needs-every-segment", "Other instances " + owners + " run " + name
                    + " now; a replay needs every segment. Replay with one instance running (stop or scale down the others),"
                    + " then start them again.");
        }
    }

    public ParkedEvents.Summary parked(String name) {
        requireParking(name);
        return parked.summary(name);
    }

    public boolean retryParked(String name, String caseId) {
        requireParked(name, caseId);
        return parked.retry(name, caseId);
    }

    public long evictParked(String name, String caseId) {
        requireParked(name, caseId);
        return parked.evict(name, caseId);
    }

    private void requireParked(String name, String caseId) {
        requireParking(name);
        if (!parked.has(name, caseId)) {
            throw ApiProblem.notFound("Parked events of case " + caseId + " in " + name);
        }
    }

    private void requireParking(String name) {
        processor(name);
        if (!parked.parks(name)) {
            throw ApiProblem.notFound("A dead-letter queue of " + name);
        }
    }

    private EventProcessor processor(String name) {
        return processing.eventProcessor(name).orElseThrow(() -> ApiProblem.notFound("Projection " + name));
    }

    private List<ProjectionStatus.StoredSegment> storedSegments(String name) {
        return jdbc.query("SELECT segment, owner, token, tokentype FROM tokenentry WHERE processorname = ? ORDER BY segment",
                (rs, i) -> new ProjectionStatus.StoredSegment(rs.getInt("segment"), rs.getString("owner"),
                        position(rs.getBytes("token"))), name);
    }

    /** The global index a stored token stands at (Jackson-serialized; a replay token carries its current token). */
    static Long position(byte[] token) {
        if (token == null) {
            return null;
        }
        try {
            JsonNode node = TOKENS.readTree(token);
            JsonNode current = node.has("currentToken") ? node.get("currentToken") : node;
            return current != null && current.has("index") ? current.get("index").asLong() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
        return head == null ? -1 : head;
    }
}
