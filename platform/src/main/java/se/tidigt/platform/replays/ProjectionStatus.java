package se.tidigt.platform.replays;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import se.tidigt.platform.projections.ParkedEvents;
import se.tidigt.platform.projections.SegmentFailures;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A projection's processor and where it stands. Every segment of a streaming projection is listed
 * from the token store, whichever instance owns it: its {@code owner}, {@code position} (global
 * index of the last event handled), and, for the segments this instance runs, its error: Axon's, or the
 * failure of its last batch while the processor retries it ({@link SegmentFailures}); either makes the
 * projection's {@code error} true. The
 * projection's {@code position} is the lowest over its segments, {@code lag} the distance to the
 * newest event. Subscribing projections run inside each write's transaction and never lag.
 * {@code parked} lists the cases whose events wait in the dead-letter queue, {@code replay} how the
 * last replay went (for a bulk rebuild also while it runs: events handled, position, rate; the projection is
 * {@code replaying} until it has handed over to the processor, and its progress is the position over the head).
 * {@code catchUp} is the last bulk catch-up ({@link BulkCatchUp}): while it runs the processor is shut down but the
 * projection is running (the catch-up is its processing), and the lag is that of the tokens stored with each page.
 */
public record ProjectionStatus(String name, String mode, boolean running, boolean error, List<SegmentStatus> segments,
                        long position, long head, long lag, boolean replaying, double replayProgressPercent,
                        Replays.ReplayState replay, ParkedEvents.Summary parked, Replays.ReplayState catchUp) {

    record SegmentStatus(int segment, String owner, Long position, long lag, boolean replaying, boolean caughtUp,
                         String error) {
    }

    /** A segment as the token store records it. */
    record StoredSegment(int segment, String owner, Long position) {
    }

    static ProjectionStatus ofStreaming(String name, StreamingEventProcessor processor, List<StoredSegment> stored,
                                        long head, Replays.ReplayState replay, ParkedEvents.Summary parked,
                                        SegmentFailures failures, Replays.ReplayState catchUp) {
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        List<SegmentStatus> segments = stored.stream()
                .map(s -> segment(s, local.get(s.segment()), head, failures.of(name, s.segment()).orElse(null))).toList();
        long position = segments.isEmpty() ? -1 : segments.stream()
                .mapToLong(s -> s.position() == null ? -1 : s.position()).min().orElse(-1);
        // A bulk rebuild runs with the processor shut down: it is the replay, and its position is its progress.
        boolean bulk = replay != null && replay.bulkRunning();
        boolean replaying = processor.isReplaying() || bulk;
        double progress = bulk ? bulkProgress(replay.position(), head)
                : replaying ? local.values().stream().map(ProjectionStatus::progress).min(Double::compare).orElse(0.0) : 100;
        boolean error = processor.isError() || failures.any(name) || segments.stream().anyMatch(s -> s.error() != null);
        boolean catchingUp = catchUp != null && catchUp.running();
        return new ProjectionStatus(name, "pooled-streaming", processor.isRunning() || catchingUp, error, segments,
                position, head, Math.max(0, head - position), replaying, progress, replay, parked, catchUp);
    }

    static ProjectionStatus ofSubscribing(String name, boolean running, long head, Double rebuildProgress,
                                          Replays.ReplayState replay) {
        boolean rebuilding = rebuildProgress != null && rebuildProgress < 100;
        return new ProjectionStatus(name, "subscribing", running, false, List.of(), head, head, 0, rebuilding,
                rebuildProgress == null ? 100 : rebuildProgress, replay, null, null);
    }

    private static SegmentStatus segment(StoredSegment stored, EventTrackerStatus local, long head,
                                         SegmentFailures.Failure failing) {
        Long position = local != null && local.getCurrentPosition().isPresent()
                ? Long.valueOf(local.getCurrentPosition().getAsLong()) : stored.position();
        long lag = Math.max(0, head - (position == null ? -1 : position));
        String error = local != null && local.isErrorState() && local.getError() != null
                ? local.getError().getClass().getSimpleName() + ": " + local.getError().getMessage()
                : failing != null ? "retrying since " + failing.since() + " (" + failing.attempts() + " failed attempts): "
                + failing.cause() : null;
        return new SegmentStatus(stored.segment(), stored.owner(), position, lag,
                local != null && local.isReplaying(), local != null ? local.isCaughtUp() : lag == 0, error);
    }

    private static double bulkProgress(Long position, long head) {
        if (position == null || position < 0 || head <= 0) {
            return 0;
        }
        return Math.min(100, Math.floor(1000.0 * position / head) / 10);
    }

    private static double progress(EventTrackerStatus status) {
        OptionalLong reset = status.getResetPosition();
        OptionalLong current = status.getCurrentPosition();
        if (!status.isReplaying() || reset.isEmpty() || reset.getAsLong() <= 0) {
            return 100;
        }
        return Math.min(100, 100.0 * Math.max(0, current.orElse(0)) / reset.getAsLong());
    }
}
