package se.tidigt.platform.replays;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import se.tidigt.cases.api.CaseEvent;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test-only handler in the statistics' processing group: counts how often each case event ("case/sequence") is
 * handed to the projection, fails for the cases a test names, and can hold the first event handed to it on a thread
 * a test names until released (so a test can look at a catch-up while it runs).
 */
@ProcessingGroup("case-statistics")
class CountingHandler {
    static final Map<String, Integer> HANDLED = new ConcurrentHashMap<>();
    static final Set<String> THROW_FOR = ConcurrentHashMap.newKeySet();
    static volatile String holdOnThread;
    static volatile CountDownLatch reached = new CountDownLatch(1);
    static volatile CountDownLatch released = new CountDownLatch(0);

    static void reset() {
        HANDLED.clear();
        THROW_FOR.clear();
        holdOnThread = null;
        reached = new CountDownLatch(1);
        released = new CountDownLatch(0);
    }

    /** The next event handled on the thread of that name waits for {@link #release()}. */
    static void holdOn(String thread) {
        reached = new CountDownLatch(1);
        released = new CountDownLatch(1);
        holdOnThread = thread;
    }

    static void release() {
        holdOnThread = null;
        released.countDown();
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence) throws InterruptedException {
        HANDLED.merge(event.caseId() + "/" + sequence, 1, Integer::sum);
        if (Thread.currentThread().getName().equals(holdOnThread) && reached.getCount() > 0) {
            reached.countDown();
            if (!released.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("held for a minute without release");
            }
        }
        if (THROW_FOR.contains(event.caseId())) {
            throw new IllegalStateException("made to fail for " + event.caseId());
        }
    }
}
