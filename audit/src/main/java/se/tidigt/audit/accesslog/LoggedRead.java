package se.tidigt.audit.accesslog;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller (or one handler) whose answers are reads that the access log must record
 * before the answer leaves (OSL 26:1). {@link ReadLogging} appends the entry, naming the cases in
 * the answer; aggregate reads (statistics) are logged as the query itself, with no case ids.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface LoggedRead {
    /** False for aggregate answers (statistics): one entry for the query, no case ids. */
    boolean caseLevel() default true;
}
