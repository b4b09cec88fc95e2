package se.tidigt.platform.replays;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.tidigt.platform.axon.EventPages;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A rebuild of a streaming projection that reads the event store in large pages and feeds them to the
 * projection's own handlers (its processor's handler invoker, dead-letter queue and interceptors
 * included) in batches of thousands, without the processor's coordinator, work packages and
 * per-segment filtering; then hands over to the processor at the exact token where it stopped
 * (rebuild at tens of thousands of events a second). On by default for the projections in
 * {@code tidigt.replay.bulk.processors}; {@code tidigt.replay.bulk.enabled=false} leaves every replay to
 * Axon's reset.
 *
 * <p>Why it is exact:
 * <ul>
 *   <li>It starts with the processor's own reset ({@code resetTokens}: the reset handler empties the
 *       tables and the dead-letter queue, and every segment's token becomes a replay token from the
 *       start, in one transaction), with the processor shut down and every segment claimed by this
 *       instance; the claims are renewed with every page, so no other instance runs the projection
 *       meanwhile.</li>
 *   <li>It reads through {@link EventPages}: Axon's own tracked-event query, so each event carries the
 *       gap-aware token Axon would give it. A gap below the last event read (a transaction that had
 *       taken an index but not committed) stays in the token; the next page, and the processor after the
 *       hand-over, read such an event when it commits. An event is thus handled once: never skipped,
 *       never twice (and a case row's {@code last_sequence} ignores a repeat anyway).</li>
 *   <li>Each page's fact writes and every segment's token commit in one transaction: the token is each
 *       segment's replay token advanced to the page's last event, exactly as the processor advances it.
 *       Killed in the middle (kill -9), the store holds the facts and tokens of the pages that committed:
 *       on restart the processor goes on replaying from there (still a replay: {@code replaying} stays
 *       true in the admin API until it reaches the head), never a half-built projection shown as done.</li>
 *   <li>It stops at an empty page (the head when it looked); the processor, started again in every case,
 *       handles what was written meanwhile.</li>
 *   <li>A handler that throws parks its case in the dead-letter queue (the invoker's own handling, as in
 *       the processor); a batch that fails (its writes) fails the rebuild: the state is FAILED with the
 *       error, the tokens stay at the last committed page, and the processor retries from there.</li>
 * </ul>
 */
@Component
class BulkRebuild {
    private static final Logger log = LoggerFactory.getLogger(BulkRebuild.class);

    /** How far a running bulk rebuild has come, for the admin API. */
    interface Progress {
        void update(long events, long position);
    }

    private final EventStorageEngine storage;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private volatile boolean enabled;
    private final Set<String> processors;
    private final int pageSize;
    private final boolean readAhead;

    BulkRebuild(EventStorageEngine storage, TokenStore tokens, TransactionManager transactions, JdbcTemplate jdbc,
                @Value("${tidigt.replay.bulk.enabled:true}") boolean enabled,
                @Value("${tidigt.replay.bulk.processors:case-statistics}") Set<String> processors,
                @Value("${tidigt.replay.bulk.page-size:5000}") int pageSize,
                @Value("${tidigt.replay.bulk.read-ahead:true}") boolean readAhead) {
        this.storage = storage;
        this.tokens = tokens;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.enabled = enabled;
        this.processors = processors;
        this.pageSize = pageSize;
        this.readAhead = readAhead;
    }

    /** Turns bulk rebuilds on or off at run time (tests compare both ways on the same events). */
    void enabled(boolean enabled) {
        this.enabled = enabled;
    }

    boolean applies(String name, StreamingEventProcessor processor) {
        return enabled && processors.contains(name) && storage instanceof EventPages
                && processor instanceof AbstractEventProcessor;
    }

    long head() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
        return head == null ? -1 : head;
    }

    /**
     * Rebuilds the projection. The processor must be shut down (its segments released); it is left shut
     * down: the caller starts it again whatever happened.
     */
    void rebuild(String name, StreamingEventProcessor processor, Progress progress) throws Exception {
        AbstractEventProcessor abstractProcessor = (AbstractEventProcessor) processor;
        EventHandlerInvoker invoker = abstractProcessor.eventHandlerInvoker();
        // Axon's correlation-data interceptor only copies each event's metadata onto messages its handlers send;
        // projection handlers send none, and it would deserialise every event's metadata for nothing.
        List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors = abstractProcessor.getHandlerInterceptors()
                .stream().filter(i -> !(i instanceof CorrelationDataInterceptor)).toList();
        EventPages pages = (EventPages) storage;

        processor.resetTokens();
        TreeMap<Integer, TrackingToken> segments = transactions.fetchInTransaction(() -> {
            TreeMap<Integer, TrackingToken> claimed = new TreeMap<>();
            for (int segment : tokens.fetchSegments(name)) {
                claimed.put(segment, tokens.fetchToken(name, segment));
            }
            return claimed;
        });
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> new Thread(r, "bulk-rebuild-reader-" + name));
        try {
            TrackingToken position = start(segments);
            long done = 0;
            Future<List<TrackedEventMessage<?>>> next = reader.submit(read(pages, invoker, position));
            while (true) {
                List<TrackedEventMessage<?>> page = next.get();
                if (page.isEmpty()) {
                    break;
                }
                TrackingToken last = page.get(page.size() - 1).trackingToken();
                // The next page is read and deserialised while this one is handled (its start depends only on
                // this page's last token); without read-ahead, after.
                next = readAhead ? reader.submit(read(pages, invoker, last)) : null;
                TreeMap<Integer, TrackingToken> advanced = new TreeMap<>();
                // Each segment's token moved on as the processor moves it (a replay token ends once past its reset point).
                segments.forEach((segment, token) -> advanced.put(segment, WrappedToken.advance(token, last)));
                handle(name, page, invoker, interceptors, advanced);
                segments = advanced;
                position = last;
                done += page.size();
                progress.update(done, last.position().orElse(-1));
                if (next == null) {
                    next = CompletableFuture.completedFuture(read(pages, invoker, last).call());
                }
            }
            TreeMap<Integer, TrackingToken> handedOver = new TreeMap<>();
            segments.forEach((segment, token) -> handedOver.put(segment, finished(token)));
            transactions.executeInTransaction(() -> handedOver.forEach((segment, token) -> tokens.storeToken(token, name, segment)));
            log.info("Bulk rebuild of {}: {} events, handing over to the processor at {}", name, done, position);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            reader.shutdownNow();
            transactions.executeInTransaction(() -> segmentsReleased(name, invoker));
        }
    }

    /** A page read, its payloads deserialised (on the reader's thread when reading ahead). */
    private Callable<List<TrackedEventMessage<?>>> read(EventPages pages, EventHandlerInvoker invoker, TrackingToken after) {
        return () -> {
            List<TrackedEventMessage<?>> page = pages.after(after, pageSize);
            for (TrackedEventMessage<?> message : page) {
                if (invoker.canHandleType(message.getPayloadType())) {
                    message.getPayload();
                }
            }
            return page;
        };
    }

    /** One page in one transaction: the handlers' writes and every segment's token commit together. */
    private void handle(String name, List<TrackedEventMessage<?>> page, EventHandlerInvoker invoker,
                        List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors,
                        TreeMap<Integer, TrackingToken> advanced) throws Exception {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(page));
        unitOfWork.attachTransaction(transactions);
        unitOfWork.onPrepareCommit(u -> advanced.forEach((segment, token) -> tokens.storeToken(token, name, segment)));
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            return new DefaultInterceptorChain<>(unitOfWork, interceptors, m -> {
                if (invoker.canHandle(m, Segment.ROOT_SEGMENT)) {
                    invoker.handle(m, Segment.ROOT_SEGMENT);
                }
                return null;
            }).proceed();
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable e = result.exceptionResult();
            if (e instanceof Exception exception) {
                throw exception;
            }
            throw (Error) e;
        }
    }

    private void segmentsReleased(String name, EventHandlerInvoker invoker) {
        invoker.segmentReleased(Segment.ROOT_SEGMENT);
        for (int segment : tokens.fetchSegments(name)) {
            try {
                tokens.releaseClaim(name, segment);
            } catch (RuntimeException e) {
                log.warn("Could not release {}'s segment {} after a bulk rebuild: {}", name, segment, e.getMessage());
            }
        }
    }

    /**
     * A replay token that has reached its reset point, unwrapped: every event up to where the reset was made
     * has been handled again, so what follows is new. (Left wrapped, the processor would call itself replaying
     * until the next event arrives.)
     */
    static TrackingToken finished(TrackingToken token) {
        if (token instanceof ReplayToken replay) {
            TrackingToken current = WrappedToken.unwrapLowerBound(replay);
            TrackingToken reset = WrappedToken.unwrapUpperBound(replay.getTokenAtReset());
            if (current != null && (reset == null || current.covers(reset))) {
                return current;
            }
        }
        return token;
    }

    /**
     * Where reading starts: after the reset every segment's token is a replay token from the start of the
     * store (null), so every event goes to every segment once. Anything else would hand some segment an
     * event twice; refused.
     */
    private static TrackingToken start(TreeMap<Integer, TrackingToken> segments) {
        for (var entry : segments.entrySet()) {
            TrackingToken token = entry.getValue();
            // Where the processor would open the stream for this token (a replay token's current position, unwrapped).
            if (token != null && WrappedToken.unwrapLowerBound(token) != null) {
                throw new IllegalStateException("Segment " + entry.getKey() + " is not at the start after the reset: " + token);
            }
        }
        return null;
    }
}
