package se.tidigt.platform.cluster;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Shares each streaming projection's segments out over the live instances. Axon's pooled processor
 * claims every segment it finds unclaimed, so the first instance to start would keep them all and
 * the others would idle. On each heartbeat an instance that owns at least two segments more than
 * the least loaded live instance releases one (Axon's {@code releaseSegment}) and keeps off it for
 * a claim timeout, so another instance's coordinator claims it; repeated, the counts end at most one
 * apart. An instance killed keeps its claims until the claim timeout; then the others' coordinators
 * take its segments, and once its heartbeat has aged out the shares are evened again.
 */
@Component
class SegmentBalancer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final ClusterMembers members;
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Duration interval;
    private final Duration releaseFor;
    private ScheduledExecutorService scheduler;

    SegmentBalancer(ClusterMembers members, EventProcessingConfiguration processing, JdbcTemplate jdbc,
                    @Value("${tidigt.cluster.heartbeat-interval:PT2S}") Duration interval,
                    @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration releaseFor) {
        this.members = members;
        this.processing = processing;
        this.jdbc = jdbc;
        this.interval = interval;
        this.releaseFor = releaseFor;
    }

    void tick() {
        try {
            members.heartbeat();
            Set<String> live = members.live();
            if (live.size() > 1) {
                processing.eventProcessors().forEach((name, processor) -> {
                    if (processor instanceof StreamingEventProcessor streaming) {
                        balance(name, streaming, live);
                    }
                });
            }
        } catch (RuntimeException e) {
            log.warn("Cluster heartbeat failed; next in {}: {}", interval, e.toString());
        }
    }

    private void balance(String name, StreamingEventProcessor processor, Set<String> live) {
        if (!processor.isRunning() || processor.isError() || processor.isReplaying()) {
            return;
        }
        Map<String, Integer> owned = new HashMap<>();
        jdbc.query("SELECT owner, count(*) AS n FROM tokenentry WHERE processorname = ? AND owner IS NOT NULL GROUP BY owner",
                rs -> {
                    owned.put(rs.getString("owner"), rs.getInt("n"));
                }, name);
        int mine = owned.getOrDefault(ClusterMembers.NODE_ID, 0);
        int least = live.stream().mapToInt(member -> owned.getOrDefault(member, 0)).min().orElse(mine);
        if (mine - least >= 2) {
            processor.processingStatus().keySet().stream().max(Integer::compare).ifPresent(segment -> {
                log.info("Releasing segment {} of {} for another instance ({} owned here, {} by the least loaded of {} live)",
                        segment, name, mine, least, live.size());
                processor.releaseSegment(segment, releaseFor.toMillis(), TimeUnit.MILLISECONDS);
            });
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "cluster-heartbeat"));
        scheduler.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("This instance is {} in the token store", ClusterMembers.NODE_ID);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
            // Leaving is a courtesy (a row without heartbeats ages out anyway), so it never holds up a
            // shutdown: when the database is already gone, a pool would wait its whole connection timeout.
            try {
                CompletableFuture.runAsync(members::leave).get(2, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                log.debug("Could not leave the cluster table", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
