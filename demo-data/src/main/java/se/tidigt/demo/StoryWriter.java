package se.tidigt.demo;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.tidigt.cases.api.ExtendInvestigation;
import se.tidigt.personaldata.CaseTexts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The fast path for demo data that still lets the aggregates decide. All commands of one story go
 * through the ordinary command bus, in one transaction under one root unit of work: Axon keeps an
 * aggregate loaded in the root unit of work, so a case is sourced once, each command is checked by
 * the aggregate as always, and its events are appended together in one JDBC batch at commit, with
 * the case view and rollout timeline updated in the same transaction as on every write. Stories run
 * in parallel on a few threads; each is all or nothing.
 */
@Component
class StoryWriter {
    private static final Logger log = LoggerFactory.getLogger(StoryWriter.class);

    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final CaseTexts texts;

    StoryWriter(CommandGateway commands, PlatformTransactionManager transactionManager, CaseTexts texts) {
        this.commands = commands;
        this.texts = texts;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    static final int STORIES_PER_TRANSACTION = 8;

    /** Writes one story; returns false (and writes nothing of it) if a command was refused. */
    boolean write(CaseStory story) {
        return writeTogether(List.of(story));
    }

    /** Writes the stories in one transaction; returns false (and writes nothing of them) if a command was refused. */
    private boolean writeTogether(List<CaseStory> stories) {
        try {
            transactions.executeWithoutResult(status -> {
                UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
                try {
                    for (CaseStory story : stories) {
                        for (Object command : story.commands()) {
                            commands.sendAndWait(GenericCommandMessage.asCommandMessage(sealed(command))
                                    .andMetaData(SyntheticMarker.DEMO_COMMAND));
                        }
                    }
                    unitOfWork.commit();
                } catch (RuntimeException e) {
                    if (unitOfWork.isActive()) {
                        unitOfWork.rollback(e);
                    }
                    throw e;
                }
            });
            return true;
        } catch (RuntimeException e) {
            if (stories.size() == 1) {
                log.warn("Demo story {} refused: {}", stories.get(0).caseId(), e.getMessage());
            }
            return false;
        }
    }

    /**
     * A story's free text sealed with the case's key, as the API seals what a worker types: a demo event
     * holds no text in clear either.
     */
    private Object sealed(Object command) {
        if (command instanceof ExtendInvestigation x && x.sealedReason() != null && !CaseTexts.isSealed(x.sealedReason())) {
            return new ExtendInvestigation(x.caseId(), x.extendedAt(), x.newDueDate(), texts.seal(x.caseId(), x.sealedReason()),
                    x.expectedVersion());
        }
        return command;
    }

    private void writeBatch(List<CaseStory> batch, DemoDataProgress progress, int total) {
        if (writeTogether(batch)) {
            batch.forEach(story -> progress.written(story.commands().size()));
        } else {
            for (CaseStory story : batch) {
                if (write(story)) {
                    progress.written(story.commands().size());
                } else {
                    progress.failedStory();
                }
            }
        }
        int done = progress.writtenSoFar();
        int step = Math.max(STORIES_PER_TRANSACTION, total / 10);
        if (done / step != (done - batch.size()) / step) {
            log.info("Demo data: {} of {} stories written", done, total);
        }
    }

    /** Writes the stories on {@code threads} threads, reporting each to {@code progress}. */
    void writeAll(List<CaseStory> stories, int threads, DemoDataProgress progress) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "demo-data-writer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (int from = 0; from < stories.size(); from += STORIES_PER_TRANSACTION) {
                List<CaseStory> batch = stories.subList(from, Math.min(stories.size(), from + STORIES_PER_TRANSACTION));
                pending.add(pool.submit(() -> writeBatch(batch, progress, stories.size())));
            }
            for (Future<?> future : pending) {
                future.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("A demo-data writer failed", e.getCause());
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
