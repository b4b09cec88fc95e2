package se.tidigt.query.stats;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.tidigt.cases.api.*;

import se.tidigt.query.ErasedChild;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds the statistics' fact tables from the case events. It runs in a pooled streaming processor
 * with several segments (events of one case always in one segment, in order), so instances share
 * the work; the handler's writes and the processor's token commit in one transaction. A case's row
 * remembers the last sequence number applied, so an event seen twice is ignored.
 *
 * <p>Events are applied in memory to the rows of their batch ({@link FactBatch}), loaded once per
 * batch, and written when the unit of work commits: a handful of statements per batch instead of
 * several per event (rebuild at tens of thousands of events a second). Without a unit of
 * work (a test calling the handlers directly) each event is written at once. The handler itself runs
 * no SQL that could fail on bad data: values PostgreSQL cannot hold are refused here, so the dead-letter
 * queue parks that case while the others go on ({@link StagedWrites}).
 *
 * <p>Whatever else makes a batch's write fail (a foreign or corrupt event the checks above do not foresee,
 * say a concern with no district) cannot be pinned on one event at commit: the batch's transaction rolls
 * back and the processor handles the same events again. So a failed write remembers how far its batch
 * reached, and every batch that holds events up to there is handled event by event, each event written
 * at once behind a savepoint: the one event whose write fails throws from its handler, the dead-letter
 * queue parks its case, and the other events commit. Past that point batches are written whole again.
 */
@Component
@ProcessingGroup(CaseFactsProjection.PROCESSING_GROUP)
@StagedWrites
class CaseFactsProjection {
    static final String PROCESSING_GROUP = "case-statistics";
    private static final Logger log = LoggerFactory.getLogger(CaseFactsProjection.class);
    private static final String BATCH = CaseFactsProjection.class.getName() + ".batch";
    private static final String EVENT_BY_EVENT = CaseFactsProjection.class.getName() + ".eventByEvent";

    private final JdbcTemplate jdbc;
    private final StatisticsPosition position;
    private final TransactionTemplate savepoint;
    /** The global index up to which batches are handled event by event: the reach of the last batch whose write failed. */
    private final AtomicLong eventByEventThrough = new AtomicLong(-1);

    CaseFactsProjection(JdbcTemplate jdbc, StatisticsPosition position, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.position = position;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @EventHandler
    void on(ConcernRaised e, @SequenceNumber long sequence) {
        Timestamp received = ts(e.occurredAt());
        Date birth = date(e.child().birthMonth().atDay(1));
        apply(e.caseId(), c -> {
            if (c.row != null) {
                return;
            }
            FactBatch.CaseRow r = new FactBatch.CaseRow();
            r.caseId = e.caseId();
            r.lastSequence = sequence;
            r.district = e.district();
            r.currentDistrict = e.district();
            r.workModel = e.workModel();
            r.concerns = String.join(",", e.concerns().stream().map(Enum::name).sorted().toList());
            r.child = e.child().pseudonym();
            r.birthMonth = birth;
            r.receivedAt = received;
            c.row = r;
            c.rowChanged = true;
        });
    }

    @EventHandler
    void on(CaseEvent e, @SequenceNumber long sequence) {
        if (e instanceof ConcernRaised) {
            return;
        }
        Timestamp at = ts(e.occurredAt());
        Date due = e instanceof InvestigationOpened o ? date(o.dueDate())
                : e instanceof InvestigationExtended x ? date(x.newDueDate()) : null;
        apply(e.caseId(), c -> {
            // Moves the case's last applied sequence forward; an event applied before changes nothing.
            if (c.row == null || c.row.lastSequence >= sequence) {
                return;
            }
            FactBatch.CaseRow r = c.row;
            r.lastSequence = sequence;
            c.rowChanged = true;
            if (e instanceof ProtectionNeedAssessed) {
                r.protectionAssessedAt = at;
            } else if (e instanceof InitialAssessmentCompleted i) {
                r.initialAssessedAt = at;
                r.initialDecision = i.decision().name();
            } else if (e instanceof InvestigationOpened) {
                r.investigationOpenedAt = at;
                r.investigationDue = due;
            } else if (e instanceof InvestigationExtended) {
                r.investigationDue = due;
            } else if (e instanceof InvestigationConcluded k) {
                r.investigationConcludedAt = at;
                r.investigationOutcome = k.outcome().name();
            } else if (e instanceof CaseClosed) {
                r.closedAt = at;
            } else if (e instanceof CaseTransferred t) {
                r.currentDistrict = t.toDistrict();
            } else if (e instanceof PersonalDataErased) {
                // The case still counts; it is no longer linked to the child's other cases.
                r.child = ErasedChild.pseudonymFor(e.caseId());
            } else {
                onDetail(e, c, at);
            }
        });
    }

    private static void onDetail(CaseEvent e, FactBatch.Case c, Timestamp at) {
        if (e instanceof WorkerAssigned w) {
            if (c.workers.add(w.workerId())) {
                c.workersAdded.add(w.workerId());
            }
            c.row.workers = c.workers.size();
        } else if (e instanceof CollaborationRecorded k) {
            c.collaborations.merge(k.partner().name(), 1, Integer::sum);
            c.collaborationsChanged.add(k.partner().name());
        } else if (e instanceof InterventionOffered o) {
            if (!c.offers.containsKey(o.offerId())) {
                c.offers.put(o.offerId(), new FactBatch.OfferRow(o.offerId(), at));
                c.offersChanged.add(o.offerId());
            }
        } else if (e instanceof FamilyAccepted a) {
            offer(c, a.offerId(), o -> {
                o.answer = "ACCEPTED";
                o.answeredAt = at;
            });
        } else if (e instanceof FamilyDeclined d) {
            offer(c, d.offerId(), o -> {
                o.answer = "DECLINED";
                o.answeredAt = at;
            });
        } else if (e instanceof InterventionStarted s) {
            offer(c, s.offerId(), o -> o.startedAt = at);
        } else if (e instanceof InterventionEnded n) {
            offer(c, n.offerId(), o -> o.endedAt = at);
        } else if (e instanceof PlacementStarted p) {
            c.placements.putIfAbsent(p.placementId(), new FactBatch.PlacementRow(p.placementId(), p.kind().name(), p.compulsory(), at));
            c.placementsChanged.add(p.placementId());
        } else if (e instanceof PlacementEnded p && c.placements.containsKey(p.placementId())) {
            c.placements.get(p.placementId()).endedAt = at;
            c.placementsChanged.add(p.placementId());
        }
    }

    @EventHandler
    void on(OpenAccessSupportRecorded e, @SequenceNumber long sequence) {
        Object[] row = {e.tallyId(), sequence, e.district(), date(e.month().atDay(1)), e.kind().name(), e.count()};
        FactBatch batch = batch();
        if (batch == null) {
            FactBatch once = new FactBatch(jdbc);
            once.openAccess(row);
            flushOne(once);
        } else {
            batch.openAccess(row);
        }
    }

    @ResetHandler
    void reset() {
        // A replay writes whole batches again: a batch that fails is found anew and handled event by event.
        eventByEventThrough.set(-1);
        for (String table : new String[]{"case_fact", "case_worker_fact", "offer_fact", "collaboration_fact", "open_access_fact",
                "placement_fact"}) {
            jdbc.update("DELETE FROM " + table);
        }
        // After the deletes: a reader that reloads on the new generation sees them.
        position.deleted();
    }

    private void apply(String caseId, java.util.function.Consumer<FactBatch.Case> change) {
        FactBatch batch = batch();
        if (batch == null) {
            FactBatch once = new FactBatch(jdbc);
            change.accept(once.of(caseId));
            flushOne(once);
        } else {
            change.accept(batch.of(caseId));
        }
    }

    /**
     * The batch of the current unit of work, created at its first event with every case of the batch
     * loaded at once and written when it commits; null outside a unit of work.
     */
    private FactBatch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (root.getOrComputeResource(EVENT_BY_EVENT, key -> reachesFailedBatch(root))) {
            return null;
        }
        return root.getOrComputeResource(BATCH, key -> {
            FactBatch batch = new FactBatch(jdbc);
            if (root instanceof BatchingUnitOfWork<?> batching) {
                List<String> ids = batching.getMessages().stream().map(m -> ((EventMessage<?>) m).getPayload())
                        .filter(CaseEvent.class::isInstance).map(p -> ((CaseEvent) p).caseId()).toList();
                batch.load(ids);
            }
            root.onPrepareCommit(u -> flushBatch(root, batch));
            return batch;
        });
    }

    /** Writes the batch, its cases stamped with the position it takes first (see {@link StatisticsPosition}). */
    private void flush(FactBatch batch) {
        batch.flush(position::advance);
    }

    /**
     * Writes a whole batch at its commit. If the write fails, the batch's reach is remembered before the
     * failure rolls the batch back, so the processor's next attempt goes event by event.
     */
    private void flushBatch(UnitOfWork<?> root, FactBatch batch) {
        try {
            flush(batch);
        } catch (RuntimeException e) {
            long reach = positions(root).max().orElse(-1);
            eventByEventThrough.accumulateAndGet(reach, Math::max);
            log.warn("Writing a batch of statistics facts failed ({}); its events up to global index {} are handled "
                    + "again one by one, so the failing event is parked and the others are counted", e.getMessage(), reach);
            throw e;
        }
    }

    /**
     * Writes one event's changes at once. Inside a transaction (the processor's, going event by event) behind a
     * savepoint: a failing write undoes only this event's rows and leaves the transaction usable, so the
     * dead-letter queue can park the event in it and the other events commit.
     */
    private void flushOne(FactBatch once) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            savepoint.executeWithoutResult(status -> flush(once));
        } else {
            flush(once);
        }
    }

    /** Whether this unit of work holds an event at or below the reach of a batch whose write failed. */
    private boolean reachesFailedBatch(UnitOfWork<?> root) {
        long through = eventByEventThrough.get();
        if (through < 0) {
            return false;
        }
        OptionalLong first = positions(root).min();
        return first.isPresent() && first.getAsLong() <= through;
    }

    private static java.util.stream.LongStream positions(UnitOfWork<?> root) {
        if (!(root instanceof BatchingUnitOfWork<?> batching)) {
            return root.getMessage() instanceof TrackedEventMessage<?> tracked ? position(tracked) : java.util.stream.LongStream.empty();
        }
        return batching.getMessages().stream().filter(TrackedEventMessage.class::isInstance)
                .flatMapToLong(m -> position((TrackedEventMessage<?>) m));
    }

    private static java.util.stream.LongStream position(TrackedEventMessage<?> message) {
        OptionalLong position = message.trackingToken() == null ? OptionalLong.empty() : message.trackingToken().position();
        return position.isPresent() ? java.util.stream.LongStream.of(position.getAsLong()) : java.util.stream.LongStream.empty();
    }

    private static void offer(FactBatch.Case c, String offerId, java.util.function.Consumer<FactBatch.OfferRow> change) {
        FactBatch.OfferRow offer = c.offers.get(offerId);
        if (offer != null) {
            change.accept(offer);
            c.offersChanged.add(offerId);
        }
    }

    /** PostgreSQL holds years 4713 BC to 294276 AD; a value outside is refused here, so the case is parked. */
    private static Timestamp ts(Instant instant) {
        within(instant.atZone(Stats.ZONE).toLocalDate());
        return Timestamp.from(instant);
    }

    private static Date date(LocalDate day) {
        return Date.valueOf(within(day));
    }

    private static LocalDate within(LocalDate day) {
        if (day.getYear() < -4712 || day.getYear() > 294275) {
            throw new IllegalArgumentException("A date PostgreSQL cannot hold: " + day);
        }
        return day;
    }
}
