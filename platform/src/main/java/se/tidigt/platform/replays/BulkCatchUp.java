package se.tidigt.platform.replays;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.tidigt.platform.cluster.ClusterMembers;
import se.tidigt.platform.periodic.PeriodicTask;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Catches a streaming projection up through the bulk path when it is far behind: a new instance, a backlog
 * after an outage or a large import would otherwise go through the processor's event-by-event streaming at a
 * fraction of the rate. At start-up and then every {@code tidigt.catch-up.check-interval}, for each projection of
 * {@code tidigt.replay.bulk.processors} whose segments that this instance holds or could claim (free, or held by
 * an instance no longer alive) lag the head by at least {@code tidigt.catch-up.bulk-threshold} events, the
 * processor is shut down, those segments are caught up in pages ({@link BulkRebuild#catchUp}: the processor's own
 * handlers, dead-letter queue and interceptors, tokens committed with each page), and the processor is started
 * again from where the pages stopped. {@code tidigt.catch-up.bulk-enabled=false} leaves catching up to the processor.
 */
@Component
class BulkCatchUp {
    private static final Logger log = LoggerFactory.getLogger(BulkCatchUp.class);

    private final EventProcessingConfiguration processing;
    private final BulkRebuild bulk;
    private final Replays replays;
    private final JdbcTemplate jdbc;
    private final ClusterMembers members;
    private final boolean enabled;
    private final Set<String> processors;
    private final long threshold;
    private final Duration interval;
    private volatile boolean stopping;
    /** Projections whose last catch-up found nothing it could take (no segment free): not tried again while still behind. */
    private final Set<String> declined = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final PeriodicTask checks = new PeriodicTask("bulk-catch-up", this::check);

    BulkCatchUp(EventProcessingConfiguration processing, BulkRebuild bulk, Replays replays, JdbcTemplate jdbc,
                ClusterMembers members,
                @Value("${tidigt.catch-up.bulk-enabled:true}") boolean enabled,
                @Value("${tidigt.replay.bulk.processors:case-statistics}") Set<String> processors,
                @Value("${tidigt.catch-up.bulk-threshold:20000}") long threshold,
                @Value("${tidigt.catch-up.check-interval:PT10S}") Duration interval) {
        this.processing = processing;
        this.bulk = bulk;
        this.replays = replays;
        this.jdbc = jdbc;
        this.members = members;
        this.enabled = enabled;
        this.processors = processors;
        this.threshold = threshold;
        this.interval = interval;
    }

    @EventListener(ApplicationStartedEvent.class)
    void start() {
        if (enabled) {
            checks.start(Duration.ZERO, interval);
        }
    }

    /** Catches up every projection found at least the threshold behind; a failure waits for the next check. */
    void check() {
        for (String name : processors) {
            try {
                processing.eventProcessor(name).ifPresent(processor -> {
                    if (processor instanceof StreamingEventProcessor streaming && bulk.applies(name, streaming)
                            && streaming.isRunning() && !streaming.isReplaying() && !stopping) {
                        long behind = backlog(name);
                        if (behind < threshold) {
                            declined.remove(name);
                        } else if (!declined.contains(name)) {
                            log.info("{} is {} events behind (bulk threshold {}): catching up in bulk", name, behind, threshold);
                            if (replays.catchUpInBulk(name, streaming, () -> !stopping) < 0) {
                                // Every segment another instance's, or one being split or merged: the processors have it.
                                declined.add(name);
                            }
                        }
                    }
                });
            } catch (RuntimeException e) {
                log.warn("Could not check whether {} needs a bulk catch-up: {}", name, e.toString());
            }
        }
    }

    /**
     * Whether a projection of {@code tidigt.replay.bulk.processors} stands far enough behind (the threshold or more,
     * counted as {@link #check} counts it) that this instance catches it up in bulk at its first look or its next.
     * What the start's warm-up of the dashboard asks: figures of such facts are left behind within seconds.
     */
    boolean anyDue() {
        if (!enabled || stopping) {
            return false;
        }
        for (String name : processors) {
            try {
                boolean due = processing.eventProcessor(name, StreamingEventProcessor.class)
                        .filter(processor -> bulk.applies(name, processor) && !declined.contains(name))
                        .map(processor -> backlog(name) >= threshold).orElse(false);
                if (due) {
                    return true;
                }
            } catch (RuntimeException e) {
                // Unknown: as if not behind (the warm-up runs, as it always did).
                log.warn("Could not tell whether {} is due for a bulk catch-up: {}", name, e.toString());
            }
        }
        return false;
    }

    /**
     * How far behind the head the segments stand that this instance holds or could claim (free, or held by an
     * instance no longer alive): the largest of their lags as the admin API shows them, the segments this instance
     * runs at the processor's own position. The segments another live instance holds are its to catch up. One
     * query, the head and those segments' stored tokens together.
     */
    long backlog(String name) {
        Map<Integer, Long> stored = new HashMap<>();
        long[] head = {-1};
        jdbc.query("SELECT t.segment, t.token, (SELECT coalesce(max(globalindex), -1) FROM domainevententry) AS head"
                        + " FROM tokenentry t WHERE t.processorname = ? AND (t.owner IS NULL OR t.owner = ?"
                        + " OR t.owner NOT IN (" + ClusterMembers.LIVE + "))",
                rs -> {
                    head[0] = rs.getLong("head");
                    Long position = ProjectionAdmin.position(rs.getBytes("token"));
                    stored.put(rs.getInt("segment"), position == null ? -1 : position);
                }, name, ClusterMembers.NODE_ID, members.liveFor());
        if (stored.isEmpty()) {
            return 0;
        }
        Map<Integer, EventTrackerStatus> running = processing.eventProcessor(name, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        long lowest = Long.MAX_VALUE;
        for (var segment : stored.entrySet()) {
            EventTrackerStatus local = running.get(segment.getKey());
            long position = local != null && local.getCurrentPosition().isPresent()
                    ? local.getCurrentPosition().getAsLong() : segment.getValue();
            lowest = Math.min(lowest, position);
        }
        return Math.max(0, head[0] - lowest);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        stopping = true;
        checks.stop();
    }
}
