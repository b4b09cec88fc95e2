package se.tidigt.query.caseview;

import se.tidigt.cases.api.CaseEvent;
import se.tidigt.cases.api.ConcernRaised;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A case as it stood at a past instant, folded by the same {@link CaseView#apply} that keeps
 * {@code case_view}, so an auditor's past state and a district user's present one never disagree
 * on what an event means. Two readings of "at that instant":
 * <ul>
 * <li>{@link Basis#AS_OF}: what the system knew then, the events <em>recorded</em> up to the instant;</li>
 * <li>{@link Basis#VALID_AT}: how things stood in the world then, the events whose <em>business time</em>
 * is up to the instant, whenever they were recorded.</li>
 * </ul>
 * They differ exactly by the events that happened before the instant but were recorded after it.
 */
public final class CaseViewReplay {
    private CaseViewReplay() {
    }

    public enum Basis { AS_OF, VALID_AT }

    /** One stored event of the case: its sequence number, when it was recorded, and the event. */
    public record RecordedEvent(long sequence, Instant recordedAt, CaseEvent event) {
        public Duration recordingDelay() {
            return Duration.between(event.occurredAt(), recordedAt);
        }

        /** Happened by {@code instant} but recorded after it: in the valid-at view, not yet in the as-of view. */
        public boolean recordedAfterItHappened(Instant instant) {
            return !event.occurredAt().isAfter(instant) && recordedAt.isAfter(instant);
        }
    }

    /**
     * @param view          the case, or null when nothing of it is known at the instant
     * @param applied       the sequence numbers folded in
     * @param notApplicable sequence numbers within the instant that cannot stand without an event that
     *                      happened later in business time (an answer dated before its offer); valid-at only
     */
    public record PastState(CaseView view, List<Long> applied, List<Long> notApplicable) {
    }

    /** Replays {@code events} (in sequence order) that fall within {@code instant} on the given basis. */
    public static PastState replay(List<RecordedEvent> events, Basis basis, Instant instant) {
        CaseView view = null;
        List<Long> applied = new ArrayList<>();
        List<Long> notApplicable = new ArrayList<>();
        for (RecordedEvent recorded : events) {
            Instant at = basis == Basis.AS_OF ? recorded.recordedAt() : recorded.event().occurredAt();
            if (at.isAfter(instant)) {
                continue;
            }
            long version = recorded.sequence() + 1;
            if (view == null && recorded.event() instanceof ConcernRaised raised) {
                view = CaseView.raisedBy(raised, version);
                applied.add(recorded.sequence());
            } else if (view != null && fold(view, recorded, version, basis)) {
                applied.add(recorded.sequence());
            } else {
                notApplicable.add(recorded.sequence());
            }
        }
        return new PastState(view, applied, notApplicable);
    }

    private static boolean fold(CaseView view, RecordedEvent recorded, long version, Basis basis) {
        if (basis == Basis.AS_OF) {
            // A prefix of what the aggregate accepted, in its order: a failure here is a real fault.
            view.apply(recorded.event(), version);
            return true;
        }
        try {
            view.apply(recorded.event(), version);
            return true;
        } catch (IllegalStateException | NullPointerException e) {
            // Business time may run out of order (a step recorded with an earlier date than the one it
            // follows); at this instant the event's predecessor has not happened yet. Reported, not hidden.
            return false;
        }
    }
}
