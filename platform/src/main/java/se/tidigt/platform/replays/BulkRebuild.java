package se.tidigt.platform.replays;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
        Handlers handlers = handlers(processor);
        processor.resetTokens();
        TreeMap<Integer, TrackingToken> segments = transactions.fetchInTransaction(() -> {
            TreeMap<Integer, TrackingToken> claimed = new TreeMap<>();
            for (int segment : tokens.fetchSegments(name)) {
                claimed.put(segment, tokens.fetchToken(name, segment));
            }
            return claimed;
        });
        try {
            requireStart(segments);
            long done = pages(name, handlers, segments, segments.keySet().stream().mapToInt(Integer::intValue).toArray(),
                    Long.MAX_VALUE, progress);
            log.info("Bulk rebuild of {}: {} events, handed over to the processor", name, done);
        } finally {
            transactions.executeInTransaction(() -> segmentsReleased(name, handlers.invoker(), segments.keySet()));
        }
    }

    /**
     * Catches a projection up from where its segments stand: the segments no other instance holds are claimed,
     * the store is read in pages from the lowest of their tokens, and each event is handled once for its
     * segment unless that segment's token already covers it (segments may stand at different tokens). Stops
     * at the head as it was when the catch-up started (or at an empty page); the processor, started again by the
     * caller, goes on from the tokens stored with the last page. The processor must be shut down. Returns the
     * events read, or -1 when there was nothing to catch up in bulk (no segment free, or one that is being split or
     * merged, which only the processor can handle).
     */
    long catchUp(String name, StreamingEventProcessor processor, Progress progress) throws Exception {
        Handlers handlers = handlers(processor);
        long until = head();
        int[] all = transactions.fetchInTransaction(() -> tokens.fetchSegments(name));
        TreeMap<Integer, TrackingToken> segments = transactions.fetchInTransaction(() -> {
            TreeMap<Integer, TrackingToken> claimed = new TreeMap<>();
            for (int segment : all) {
                try {
                    claimed.put(segment, tokens.fetchToken(name, segment));
                } catch (UnableToClaimTokenException e) {
                    log.debug("Segment {} of {} is another instance's: not caught up here", segment, name);
                }
            }
            return claimed;
        });
        try {
            if (segments.isEmpty() || segments.values().stream().anyMatch(t -> !pageable(t))) {
                return -1;
            }
            long done = pages(name, handlers, segments, all, until, progress);
            log.info("Bulk catch-up of {} (segments {}): {} events, handed over to the processor", name,
                    segments.keySet(), done);
            return done;
        } finally {
            transactions.executeInTransaction(() -> segmentsReleased(name, handlers.invoker(), segments.keySet()));
        }
    }

    /** The processor's handler invoker and interceptors: what the bulk path hands each page to. */
    private record Handlers(EventHandlerInvoker invoker, List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors) {
    }

    private static Handlers handlers(StreamingEventProcessor processor) {
        AbstractEventProcessor abstractProcessor = (AbstractEventProcessor) processor;
        // Axon's correlation-data interceptor only copies each event's metadata onto messages its handlers send;
        // projection handlers send none, and it would deserialise every event's metadata for nothing.
        return new Handlers(abstractProcessor.eventHandlerInvoker(), abstractProcessor.getHandlerInterceptors()
                .stream().filter(i -> !(i instanceof CorrelationDataInterceptor)).toList());
    }

    /**
     * Reads pages from the lowest of the claimed segments' tokens and handles each page in one transaction with
     * every claimed segment's token, until a page reaches {@code until} or comes back empty; then stores each
     * segment's token as the processor takes it over. Returns the events read.
     */
    private long pages(String name, Handlers handlers, TreeMap<Integer, TrackingToken> claimed, int[] allSegments,
                       long until, Progress progress) throws Exception {
        EventPages pages = (EventPages) storage;
        Map<Integer, Segment> segmentOf = new TreeMap<>();
        claimed.keySet().forEach(id -> segmentOf.put(id, Segment.computeSegment(id, allSegments)));
        boolean everySegment = claimed.size() == allSegments.length;
        TreeMap<Integer, TrackingToken> segments = claimed;
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> new Thread(r, "bulk-reader-" + name));
        Map<Class<?>, Boolean> handled = new ConcurrentHashMap<>();
        try {
            long done = 0;
            Future<List<TrackedEventMessage<?>>> next = reader.submit(read(pages, handled, handlers.invoker(), lowest(segments)));
            while (true) {
                List<TrackedEventMessage<?>> page = next.get();
                if (page.isEmpty()) {
                    break;
                }
                TrackingToken last = page.get(page.size() - 1).trackingToken();
                long reached = last.position().orElse(-1);
                boolean more = reached < until;
                // The next page is read and deserialised while this one is handled (its start depends only on
                // this page's last token); without read-ahead, after.
                next = more && readAhead ? reader.submit(read(pages, handled, handlers.invoker(), last)) : null;
                TreeMap<Integer, TrackingToken> advanced = new TreeMap<>();
                segments.forEach((segment, token) -> advanced.put(segment, advanced(token, last)));
                List<TrackedEventMessage<?>> due = due(page, handlers.invoker(), segments, segmentOf, everySegment);
                handle(name, due, handlers, advanced);
                segments = advanced;
                done += page.size();
                progress.update(done, reached);
                if (!more) {
                    break;
                }
                if (next == null) {
                    next = CompletableFuture.completedFuture(read(pages, handled, handlers.invoker(), last).call());
                }
            }
            TreeMap<Integer, TrackingToken> handedOver = new TreeMap<>();
            segments.forEach((segment, token) -> handedOver.put(segment, finished(token)));
            transactions.executeInTransaction(() -> handedOver.forEach((segment, token) -> tokens.storeToken(token, name, segment)));
            return done;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            reader.shutdownNow();
        }
    }

    /**
     * The events of a page that a claimed segment has still to handle: not another instance's segment's, and not
     * already covered by its own segment's token (a segment ahead of the others has handled them before). An event
     * past every segment's token is covered by none (a token covers no event beyond its own position), so only the
     * events up to the most advanced token are checked against each token: after the first page, none.
     */
    private static List<TrackedEventMessage<?>> due(List<TrackedEventMessage<?>> page, EventHandlerInvoker invoker,
                                                    TreeMap<Integer, TrackingToken> segments, Map<Integer, Segment> segmentOf,
                                                    boolean everySegment) {
        long furthest = furthest(segments.values());
        List<TrackedEventMessage<?>> due = new ArrayList<>(page.size());
        for (TrackedEventMessage<?> message : page) {
            TrackingToken at = message.trackingToken();
            boolean pastEveryToken = at.position().isPresent() && at.position().getAsLong() > furthest;
            if (everySegment && (pastEveryToken || segments.values().stream().noneMatch(t -> t != null && t.covers(at)))) {
                due.add(message);
                continue;
            }
            for (var entry : segments.entrySet()) {
                if (invoker.canHandle(message, segmentOf.get(entry.getKey()))) {
                    if (pastEveryToken || entry.getValue() == null || !entry.getValue().covers(at)) {
                        due.add(message);
                    }
                    break;
                }
            }
        }
        return due;
    }

    /**
     * The furthest position any of these tokens stands at (-1 when none stands anywhere yet), or
     * {@link Long#MAX_VALUE} when one has no position to compare (then every event is checked against every token).
     */
    private static long furthest(Iterable<TrackingToken> tokens) {
        long furthest = -1;
        for (TrackingToken token : tokens) {
            if (token == null || (token instanceof ReplayToken replay && replay.getCurrentToken() == null)) {
                continue;
            }
            if (token.position().isEmpty()) {
                return Long.MAX_VALUE;
            }
            furthest = Math.max(furthest, token.position().getAsLong());
        }
        return furthest;
    }

    /** A segment's token after a page up to {@code last}: what it covered before and everything up to there. */
    static TrackingToken advanced(TrackingToken token, TrackingToken last) {
        if (token == null) {
            return last;
        }
        if (token.covers(last)) {
            return token;
        }
        // A replay token moves on as the processor moves it (it ends once past its reset point).
        return token instanceof WrappedToken ? WrappedToken.advance(token, last) : token.upperBound(last);
    }

    /** Where reading starts: the lowest of the segments' tokens (a replay token's current position, unwrapped). */
    private static TrackingToken lowest(TreeMap<Integer, TrackingToken> segments) {
        TrackingToken lowest = null;
        boolean first = true;
        for (TrackingToken token : segments.values()) {
            TrackingToken current = token == null ? null : WrappedToken.unwrapLowerBound(token);
            if (current == null) {
                return null;
            }
            lowest = first ? current : lowest.lowerBound(current);
            first = false;
        }
        return lowest;
    }

    /** A token the pages can go on from: the start, a gap-aware token, or a replay of one (not a split or merge). */
    private static boolean pageable(TrackingToken token) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        return current == null || current instanceof GapAwareTrackingToken;
    }

    /**
     * A page read, its payloads deserialised (on the reader's thread when reading ahead) where the projection handles
     * their type. Whether it does is asked once per type for the whole run ({@code handled}): the invoker's answer
     * streams over every handler of the projection, and asking it for each event took a sixth of the reader's time.
     */
    private Callable<List<TrackedEventMessage<?>>> read(EventPages pages, Map<Class<?>, Boolean> handled,
                                                        EventHandlerInvoker invoker, TrackingToken after) {
        return () -> {
            List<TrackedEventMessage<?>> page = pages.after(after, pageSize);
            for (TrackedEventMessage<?> message : page) {
                if (handled.computeIfAbsent(message.getPayloadType(), invoker::canHandleType)) {
                    message.getPayload();
                }
            }
            return page;
        };
    }

    /** One page in one transaction: the handlers' writes and every claimed segment's token commit together. */
    private void handle(String name, List<TrackedEventMessage<?>> page, Handlers handlers,
                        TreeMap<Integer, TrackingToken> advanced) throws Exception {
        if (page.isEmpty()) {
            transactions.executeInTransaction(() -> advanced.forEach((segment, token) -> tokens.storeToken(token, name, segment)));
            return;
        }
        EventHandlerInvoker invoker = handlers.invoker();
        // A MultiEventHandlerInvoker asks each of its invokers whether it can handle an event before handing it
        // over (as its own canHandle does): asking it first as well would do that work twice for every event.
        boolean checksItself = invoker instanceof MultiEventHandlerInvoker;
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(page));
        unitOfWork.attachTransaction(transactions);
        unitOfWork.onPrepareCommit(u -> advanced.forEach((segment, token) -> tokens.storeToken(token, name, segment)));
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            return new DefaultInterceptorChain<>(unitOfWork, handlers.interceptors(), m -> {
                if (checksItself || invoker.canHandle(m, Segment.ROOT_SEGMENT)) {
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

    private void segmentsReleased(String name, EventHandlerInvoker invoker, Set<Integer> segments) {
        invoker.segmentReleased(Segment.ROOT_SEGMENT);
        for (int segment : segments) {
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
     * After the reset every segment's token is a replay token from the start of the store (null), so every
     * event goes to every segment once; a segment anywhere else means the reset did not take. Refused.
     */
    private static void requireStart(TreeMap<Integer, TrackingToken> segments) {
        for (var entry : segments.entrySet()) {
            TrackingToken token = entry.getValue();
            // Where the processor would open the stream for this token (a replay token's current position, unwrapped).
            if (token != null && WrappedToken.unwrapLowerBound(token) != null) {
                throw new IllegalStateException("Segment " + entry.getKey() + " is not at the start after the reset: " + token);
            }
        }
    }
}
