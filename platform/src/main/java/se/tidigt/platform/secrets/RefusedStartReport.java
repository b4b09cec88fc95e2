package se.tidigt.platform.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a {@link RefusedStart} as "APPLICATION FAILED TO START", its reason and what to set. */
class RefusedStartReport extends AbstractFailureAnalyzer<RefusedStart> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RefusedStart cause) {
        return new FailureAnalysis(cause.reason(), cause.action(), cause);
    }
}
