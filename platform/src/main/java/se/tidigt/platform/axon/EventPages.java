package se.tidigt.platform.axon;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

import java.util.List;

/**
 * The event store read in pages as Axon's own tracking stream reads it: the events after a token in
 * global-index order, each with the {@link org.axonframework.eventhandling.GapAwareTrackingToken} Axon
 * would give it (gaps in the index remembered, so an event whose transaction commits later is still
 * read after them; gaps older than the gap timeout cleaned as Axon cleans them), deserialised lazily
 * with the application's event serializer and upcasters. A bulk rebuild reads through this, so where it
 * stops the streaming processor can go on from the same token without missing or repeating an event.
 */
public interface EventPages {

    /** Up to {@code max} events after {@code token} (null: from the first); empty when none is stored after it. */
    List<TrackedEventMessage<?>> after(TrackingToken token, int max);
}
