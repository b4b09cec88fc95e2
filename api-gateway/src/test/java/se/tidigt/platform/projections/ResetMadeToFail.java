package se.tidigt.platform.projections;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import se.tidigt.cases.api.CaseEvent;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** A test-only statistics handler whose reset fails, or waits, when a test says so. */
@ProcessingGroup("case-statistics")
class ResetMadeToFail {
    static final AtomicBoolean FAIL = new AtomicBoolean();
    static final AtomicReference<CountDownLatch> HOLD = new AtomicReference<>();

    @EventHandler
    void on(CaseEvent event) {
        // takes part in the group; the reset is what tests arm
    }

    @ResetHandler
    void reset() throws InterruptedException {
        CountDownLatch hold = HOLD.get();
        if (hold != null && !hold.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("held reset was never released");
        }
        if (FAIL.get()) {
            throw new IllegalStateException("reset made to fail");
        }
    }
}
