package se.tidigt.audit.accesslog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for the access log. The chain trigger (V110) serialises every append in the cluster
 * on one advisory lock held until commit, so one transaction per read caps the whole cluster at one
 * INSERT + COMMIT (with its fsync) at a time. Here one thread per instance takes every entry that
 * is waiting, inserts them all in ONE transaction (the trigger still runs per row, in order, and the
 * advisory lock is re-entrant within the transaction, so positions and hashes are exactly as before),
 * commits once, and only then completes each waiter's future: an entry is durable before its answer
 * leaves. Entries are checked before they are queued ({@link AccessLog}); should a batch still fail,
 * its entries are written again one transaction each, so only an entry that fails on its own fails its
 * reader, never the others who happened to share its batch.
 *
 * <p>No artificial delay: while one batch commits, the next one gathers by itself, so a lone read
 * costs one insert and commit as before, and under load the lock is taken once per batch.
 */
final class AccessLogAppender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AccessLogAppender.class);
    /** Bounds one transaction (and so how long the chain lock is held for the other instances). */
    static final int MAX_BATCH = 256;

    /** Why an entry could not be appended; the caller answers 503 and does not show the read. */
    static final class NotAppended extends RuntimeException {
        final boolean queueFull;

        NotAppended(String message, Throwable cause, boolean queueFull) {
            super(message, cause);
            this.queueFull = queueFull;
        }
    }

    private record Pending(AccessLogWriter.Entry entry, CompletableFuture<Void> stored) {
    }

    private final AccessLogWriter writer;
    private final TransactionTemplate ownTransaction;
    private final BlockingQueue<Pending> queue;
    private final Duration wait;
    private final Thread thread;
    private volatile boolean closed;

    AccessLogAppender(AccessLogWriter writer, PlatformTransactionManager transactions, int capacity, Duration wait) {
        this.writer = writer;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.wait = wait;
        // A platform daemon thread: it never holds the JVM open, and close() drains it on a clean shutdown.
        this.thread = new Thread(this::run, "access-log-appender");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Returns once the entry is committed; throws {@link NotAppended} if it is not (then it may or may not be stored). */
    void append(AccessLogWriter.Entry entry) {
        Pending pending = new Pending(entry, new CompletableFuture<>());
        // Back-pressure: a full queue refuses at once rather than hold ever more requests and memory.
        if (closed || !queue.offer(pending)) {
            throw new NotAppended(closed ? "The access log is shutting down" : "The access log's queue is full", null, !closed);
        }
        try {
            pending.stored().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.stored().cancel(false);
            throw new NotAppended("Interrupted while waiting for the access log", e, false);
        } catch (java.util.concurrent.TimeoutException e) {
            // Cancelled, so a batch not yet begun leaves it out; a batch already running may still store it
            // (logged but not shown is safe; shown but not logged never happens). If the commit won the
            // race, the entry is stored and the read may be answered.
            if (pending.stored().cancel(false) || pending.stored().isCompletedExceptionally()) {
                throw new NotAppended("The access log did not confirm the entry within " + wait, e, false);
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new NotAppended("The access log could not store the entry", e.getCause(), false);
        }
    }

    /** Entries queued and not yet taken into a batch (for tests and diagnostics). */
    int waiting() {
        return queue.size();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                // poll, not take: close() needs no interrupt (which could break a JDBC connection mid-batch).
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                appendAll(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        // Anything that came in after the last drain (close() racing an offer) is refused, never left waiting.
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        rest.forEach(p -> p.stored().completeExceptionally(new IllegalStateException("The access log was closed")));
    }

    private void appendAll(List<Pending> batch) {
        // A waiter that gave up has answered 503 already; its entry is not written.
        List<Pending> live = batch.stream().filter(p -> !p.stored().isDone()).toList();
        if (live.isEmpty()) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status -> writer.insert(live.stream().map(Pending::entry).toList()));
        } catch (RuntimeException | Error e) {
            // Errors too: this one thread must outlive any one batch, or every later read would time out.
            if (live.size() == 1) {
                log.error("Appending an access-log entry failed; its read answers 503", e);
                live.get(0).stored().completeExceptionally(e);
            } else {
                log.warn("Appending {} access-log entries in one transaction failed ({}); writing them one by one",
                        live.size(), e.getMessage());
                live.forEach(p -> appendAll(List.of(p)));
            }
            return;
        }
        live.forEach(p -> p.stored().complete(null));
    }

    /** Stops taking entries, writes the ones waiting, and returns when they are committed (or failed). */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(wait.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
