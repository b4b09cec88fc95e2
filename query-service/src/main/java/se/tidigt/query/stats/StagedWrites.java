package se.tidigt.query.stats;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a projection whose event handlers run no SQL of their own per event: they change rows held in
 * memory and write them when the unit of work commits. A savepoint around each of their events (which
 * the dead-letter handling puts around handlers that write) would cost two round trips an event and
 * protect nothing, so it is left out for them. (When a batch's write fails and its events are handled
 * again one by one, such a projection writes each event at once behind a savepoint of its own.)
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StagedWrites {
}
