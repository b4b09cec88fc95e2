package se.tidigt.query.caseview;

import com.fasterxml.jackson.annotation.JsonIgnore;
import se.tidigt.cases.api.CaseClosed;
import se.tidigt.cases.api.CaseEvent;
import se.tidigt.cases.api.CaseTransferred;
import se.tidigt.cases.api.ClosureReason;
import se.tidigt.cases.api.CollaborationRecorded;
import se.tidigt.cases.api.ConcernKind;
import se.tidigt.cases.api.ConcernRaised;
import se.tidigt.cases.api.DecisionApproved;
import se.tidigt.cases.api.DecisionProposed;
import se.tidigt.cases.api.DecisionRejected;
import se.tidigt.cases.api.PersonalDataErased;
import se.tidigt.cases.api.ReporterCategory;
import se.tidigt.cases.api.WorkerAssigned;

import se.tidigt.query.ErasedChild;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A case as a district user sees it now. A plain object: {@link #apply} folds one event into it,
 * so the projection and its tests need no framework. Assessment, investigation and offers live in
 * {@link CaseProgress}; deadlines are derived, never stored separately.
 */
public class CaseView {
    public String caseId;
    public String district;
    public String workModel;
    public CaseStatus status;
    public Instant receivedAt;
    public ReporterCategory reporter;
    public Set<ConcernKind> concerns;
    public YearMonth childBirthMonth;
    @JsonIgnore
    public String childPseudonym;
    public CaseProgress progress = new CaseProgress();
    public List<Worker> workers = new ArrayList<>();
    public List<Collaboration> collaborations = new ArrayList<>();
    public List<Transfer> transfers = new ArrayList<>();
    /** Decisions proposed under the district's delegation, oldest first, decided or not. */
    public List<Proposal> proposals = new ArrayList<>();
    public Instant closedAt;
    public ClosureReason closureReason;
    public Instant lastOccurredAt;
    /** When the case's personal details were erased (its free text reads as erased from then on). */
    public Instant personalDataErasedAt;
    public long version;

    public record Worker(String workerId, String function, Instant assignedAt) {
    }

    public record Collaboration(String partner, String kind, Instant occurredAt) {
    }

    public record Transfer(String fromDistrict, String toDistrict, Instant transferredAt) {
    }

    public enum CaseStatus { OPEN, CLOSED }

    static CaseView raisedBy(ConcernRaised raised) {
        CaseView view = new CaseView();
        view.caseId = raised.caseId();
        view.district = raised.district();
        view.workModel = raised.workModel();
        view.status = CaseStatus.OPEN;
        view.receivedAt = raised.occurredAt();
        view.reporter = raised.reporter();
        view.concerns = raised.concerns();
        view.childBirthMonth = raised.child().birthMonth();
        view.childPseudonym = raised.child().pseudonym();
        return view;
    }

    /** Folds the event with the given version (sequence number + 1) into this view. */
    void apply(CaseEvent event, long newVersion) {
        if (event instanceof WorkerAssigned e) {
            workers.add(new Worker(e.workerId(), e.function().name(), e.occurredAt()));
        } else if (event instanceof CollaborationRecorded e) {
            collaborations.add(new Collaboration(e.partner().name(), e.kind().name(), e.occurredAt()));
        } else if (event instanceof CaseTransferred e) {
            transfers.add(new Transfer(e.district(), e.toDistrict(), e.occurredAt()));
            district = e.toDistrict();
        } else if (event instanceof PersonalDataErased e) {
            personalDataErasedAt = e.occurredAt();
            childPseudonym = ErasedChild.pseudonymFor(caseId);
        } else if (event instanceof DecisionProposed e) {
            proposals.add(Proposal.proposed(e));
        } else if (event instanceof DecisionApproved e) {
            proposals.replaceAll(p -> p.proposalId().equals(e.proposalId()) ? p.approved(e) : p);
        } else if (event instanceof DecisionRejected e) {
            proposals.replaceAll(p -> p.proposalId().equals(e.proposalId()) ? p.rejected(e) : p);
        } else if (event instanceof CaseClosed e) {
            status = CaseStatus.CLOSED;
            closedAt = e.occurredAt();
            closureReason = e.reason();
        } else {
            progress.apply(event);
        }
        lastOccurredAt = event.occurredAt();
        version = newVersion;
    }

    /** What is due next, if anything: the earliest open deadline. */
    public List<Deadline> openDeadlines() {
        return status == CaseStatus.OPEN ? progress.openDeadlines(receivedAt) : List.of();
    }
}
