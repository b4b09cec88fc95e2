package se.tidigt.platform.replays;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.tidigt.query.ProjectionTables;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds a projection that runs inside the writes' transactions (Axon cannot replay those): in one
 * transaction, lock its tables against writes (reads go on, seeing the old rows), empty them, feed
 * every stored event through its handlers, commit. A write that arrives meanwhile waits for the
 * lock, and its event (committed after the rebuild read the store) is applied on top, so nothing is
 * missed. Writers wait at most the statement timeout; a very large rebuild should run off-hours.
 */
@Component
class SubscribingRebuild {
    private static final Logger log = LoggerFactory.getLogger(SubscribingRebuild.class);

    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final EventStorageEngine storage;
    private final Map<String, Double> progress = new ConcurrentHashMap<>();

    SubscribingRebuild(TransactionTemplate transaction, JdbcTemplate jdbc, EventStorageEngine storage) {
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.storage = storage;
    }

    Double progress(String name) {
        return progress.get(name);
    }

    /** Rebuilds on the calling thread (the replay executor); a failure leaves the tables as they were. */
    void rebuild(String name, SubscribingEventProcessor processor) {
        progress.put(name, 0.0);
        try {
            rebuild(name, processor.eventHandlerInvoker());
        } catch (RuntimeException e) {
            progress.remove(name);
            throw e;
        }
    }

    private void rebuild(String name, EventHandlerInvoker handlers) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL statement_timeout = 0");
            ProjectionTables.BY_PROCESSING_GROUP.getOrDefault(name, java.util.List.of())
                    .forEach(table -> jdbc.execute("LOCK TABLE " + table + " IN EXCLUSIVE MODE"));
            Long total = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
            handlers.performReset();
            AtomicLong done = new AtomicLong();
            Iterator<? extends org.axonframework.eventhandling.TrackedEventMessage<?>> events =
                    storage.readEvents(null, false).iterator();
            while (events.hasNext()) {
                try {
                    handlers.handle(events.next(), Segment.ROOT_SEGMENT);
                } catch (Exception e) {
                    throw new IllegalStateException("Rebuilding " + name + " failed", e);
                }
                progress.put(name, 100.0 * done.incrementAndGet() / Math.max(1, total == null ? 1 : total));
            }
        });
        progress.put(name, 100.0);
        log.info("Rebuilt projection {}", name);
    }
}
