package se.tidigt.platform.projections;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The streaming segments whose last batch failed and has not committed since: a segment the processor
 * keeps retrying. Axon's own status forgets the error as soon as the failed work is released and
 * claimed again, so a segment retrying the same batch forever would look healthy; here it stays an
 * error, with the time of its first failure and the count of failed attempts, until a batch of it
 * commits. Fed by an interceptor around every handled event of the dead-lettered groups.
 */
@Component
public class SegmentFailures {
    /** A segment failing since {@code since}, {@code attempts} batches in a row, the last at {@code last} with {@code cause}. */
    public record Failure(Instant since, Instant last, long attempts, String cause) {
    }

    /**
     * A retrying segment fails again at least every minute (the processor's longest back-off); a failure older
     * than this, with no commit since, belongs to a segment another instance has taken over.
     */
    static final java.time.Duration STALE = java.time.Duration.ofMinutes(2);

    private static final String WATCHED = SegmentFailures.class.getName() + ".watched";

    private final Map<String, Map<Integer, Failure>> failing = new ConcurrentHashMap<>();
    private final Clock clock;

    SegmentFailures() {
        this(Clock.systemUTC());
    }

    SegmentFailures(Clock clock) {
        this.clock = clock;
    }

    /** The failure of a segment this instance runs, if its last batch failed. */
    public Optional<Failure> of(String processor, int segment) {
        return Optional.ofNullable(failing.getOrDefault(processor, Map.of()).get(segment)).filter(this::current);
    }

    public boolean any(String processor) {
        return failing.getOrDefault(processor, Map.of()).values().stream().anyMatch(this::current);
    }

    private boolean current(Failure failure) {
        return clock.instant().isBefore(failure.last().plus(STALE));
    }

    void failed(String processor, int segment, Throwable cause) {
        String message = cause == null ? "the batch rolled back"
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        Instant now = clock.instant();
        failing.computeIfAbsent(processor, p -> new ConcurrentHashMap<>()).merge(segment,
                new Failure(now, now, 1, message),
                (old, latest) -> current(old) ? new Failure(old.since(), now, old.attempts() + 1, latest.cause()) : latest);
    }

    void committed(String processor, int segment) {
        Map<Integer, Failure> segments = failing.get(processor);
        if (segments != null) {
            segments.remove(segment);
        }
    }

    private static Throwable cause(UnitOfWork<?> unitOfWork) {
        try {
            return unitOfWork.getExecutionResult() == null ? null : unitOfWork.getExecutionResult().getExceptionResult();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Watches the unit of work an event is handled in: its rollback marks the segment failing, its commit clears it. */
    MessageHandlerInterceptor<EventMessage<?>> watching(String processor) {
        String segmentKey = "Processor[" + processor + "]/SegmentId";
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            UnitOfWork<?> root = unitOfWork.root();
            if (root.resources().get(segmentKey) instanceof Integer segment && root.resources().putIfAbsent(WATCHED, true) == null) {
                root.onRollback(u -> failed(processor, segment, cause(u)));
                root.afterCommit(u -> committed(processor, segment));
            }
            return chain.proceed();
        };
    }
}
