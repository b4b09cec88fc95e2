package se.tidigt.gateway.admin;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A projection's processor and where it stands. {@code position} is the global index of the last
 * event it handled (the lowest over its segments), {@code head} the newest in the store, {@code lag}
 * the difference. Subscribing projections run inside each write's transaction and never lag.
 */
record ProjectionStatus(String name, String mode, List<SegmentStatus> segments, long position, long head, long lag,
                        boolean replaying, double replayProgressPercent) {

    record SegmentStatus(int segment, Long position, boolean replaying, boolean caughtUp) {
    }

    static ProjectionStatus ofStreaming(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        List<SegmentStatus> segments = status.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new SegmentStatus(e.getKey(), position(e.getValue().getCurrentPosition()),
                        e.getValue().isReplaying(), e.getValue().isCaughtUp())).toList();
        long position = status.isEmpty() ? -1 : status.values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
        boolean replaying = processor.isReplaying();
        double progress = replaying ? status.values().stream().map(ProjectionStatus::progress)
                .min(Double::compare).orElse(0.0) : 100;
        return new ProjectionStatus(name, "pooled-streaming", segments, position, head, Math.max(0, head - position),
                replaying, progress);
    }

    static ProjectionStatus ofSubscribing(String name, long head, Double rebuildProgress) {
        boolean rebuilding = rebuildProgress != null && rebuildProgress < 100;
        return new ProjectionStatus(name, "subscribing", List.of(), head, head, 0, rebuilding,
                rebuildProgress == null ? 100 : rebuildProgress);
    }

    private static double progress(EventTrackerStatus status) {
        OptionalLong reset = status.getResetPosition();
        OptionalLong current = status.getCurrentPosition();
        if (!status.isReplaying() || reset.isEmpty() || reset.getAsLong() <= 0) {
            return 100;
        }
        return Math.min(100, 100.0 * Math.max(0, current.orElse(0)) / reset.getAsLong());
    }

    private static Long position(OptionalLong position) {
        return position.isPresent() ? position.getAsLong() : null;
    }
}
