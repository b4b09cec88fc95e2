package se.tidigt.query.stats;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.tidigt.cases.api.*;

import se.tidigt.query.ErasedChild;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Feeds the statistics' fact tables from the case events. It runs in a pooled streaming processor
 * with several segments (events of one case always in one segment, in order), so instances share
 * the work; the handler's writes and the processor's token commit in one transaction. A case's row
 * remembers the last sequence number applied, so an event seen twice is ignored.
 */
@Component
@ProcessingGroup(CaseFactsProjection.PROCESSING_GROUP)
class CaseFactsProjection {
    static final String PROCESSING_GROUP = "case-statistics";

    private final JdbcTemplate jdbc;

    CaseFactsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ConcernRaised e, @SequenceNumber long sequence) {
        jdbc.update("INSERT INTO case_fact (case_id, last_sequence, district, current_district, work_model, concerns, "
                        + "child_pseudonym, birth_month, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                e.caseId(), sequence, e.district(), e.district(), e.workModel(),
                String.join(",", e.concerns().stream().map(Enum::name).sorted().toList()), e.child().pseudonym(),
                Date.valueOf(e.child().birthMonth().atDay(1)), ts(e.occurredAt()));
    }

    @EventHandler
    void on(CaseEvent e, @SequenceNumber long sequence) {
        if (e instanceof ConcernRaised || !claim(e.caseId(), sequence)) {
            return;
        }
        if (e instanceof ProtectionNeedAssessed) {
            set(e, "protection_assessed_at = ?", ts(e.occurredAt()));
        } else if (e instanceof InitialAssessmentCompleted i) {
            set(e, "initial_assessed_at = ?, initial_decision = ?", ts(e.occurredAt()), i.decision().name());
        } else if (e instanceof InvestigationOpened o) {
            set(e, "investigation_opened_at = ?, investigation_due = ?", ts(e.occurredAt()), Date.valueOf(o.dueDate()));
        } else if (e instanceof InvestigationExtended x) {
            set(e, "investigation_due = ?", Date.valueOf(x.newDueDate()));
        } else if (e instanceof InvestigationConcluded c) {
            set(e, "investigation_concluded_at = ?, investigation_outcome = ?", ts(e.occurredAt()), c.outcome().name());
        } else if (e instanceof CaseClosed) {
            set(e, "closed_at = ?", ts(e.occurredAt()));
        } else if (e instanceof CaseTransferred t) {
            set(e, "current_district = ?", t.toDistrict());
        } else if (e instanceof PersonalDataErased) {
            // The case still counts; it is no longer linked to the child's other cases.
            set(e, "child_pseudonym = ?", ErasedChild.pseudonymFor(e.caseId()));
        } else {
            onDetail(e);
        }
    }

    private void onDetail(CaseEvent e) {
        if (e instanceof WorkerAssigned w) {
            jdbc.update("INSERT INTO case_worker_fact (case_id, worker_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    e.caseId(), w.workerId());
            set(e, "workers = (SELECT count(*) FROM case_worker_fact WHERE case_id = case_fact.case_id)");
        } else if (e instanceof CollaborationRecorded c) {
            jdbc.update("INSERT INTO collaboration_fact (case_id, partner, count) VALUES (?, ?, 1) "
                    + "ON CONFLICT (case_id, partner) DO UPDATE SET count = collaboration_fact.count + 1", e.caseId(), c.partner().name());
        } else if (e instanceof InterventionOffered o) {
            jdbc.update("INSERT INTO offer_fact (case_id, offer_id, offered_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    e.caseId(), o.offerId(), ts(e.occurredAt()));
        } else if (e instanceof FamilyAccepted a) {
            offer(e, a.offerId(), "answer = 'ACCEPTED', answered_at = ?", ts(e.occurredAt()));
        } else if (e instanceof FamilyDeclined d) {
            offer(e, d.offerId(), "answer = 'DECLINED', answered_at = ?", ts(e.occurredAt()));
        } else if (e instanceof InterventionStarted s) {
            offer(e, s.offerId(), "started_at = ?", ts(e.occurredAt()));
        } else if (e instanceof InterventionEnded n) {
            offer(e, n.offerId(), "ended_at = ?", ts(e.occurredAt()));
        }
    }

    @EventHandler
    void on(OpenAccessSupportRecorded e, @SequenceNumber long sequence) {
        jdbc.update("INSERT INTO open_access_fact (tally_id, sequence, district, month, kind, count) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", e.tallyId(), sequence, e.district(), Date.valueOf(e.month().atDay(1)),
                e.kind().name(), e.count());
    }

    @ResetHandler
    void reset() {
        for (String table : new String[]{"case_fact", "case_worker_fact", "offer_fact", "collaboration_fact", "open_access_fact"}) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /** Moves the case's last applied sequence forward; false if this event was applied before. */
    private boolean claim(String caseId, long sequence) {
        return jdbc.update("UPDATE case_fact SET last_sequence = ? WHERE case_id = ? AND last_sequence < ?",
                sequence, caseId, sequence) == 1;
    }

    private void set(CaseEvent e, String assignments, Object... values) {
        Object[] arguments = new Object[values.length + 1];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = e.caseId();
        jdbc.update("UPDATE case_fact SET " + assignments + " WHERE case_id = ?", arguments);
    }

    private void offer(CaseEvent e, String offerId, String assignments, Object value) {
        jdbc.update("UPDATE offer_fact SET " + assignments + " WHERE case_id = ? AND offer_id = ?", value, e.caseId(), offerId);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
