package se.tidigt.query.caseview;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
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
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A case as a district user sees it now. A plain object: {@link #apply} folds one event into it,
 * so the projection and its tests need no framework. Assessment, investigation and offers live in
 * {@link CaseProgress}; deadlines are derived, never stored separately. Only the events change it;
 * others read it through its accessors, and it is written to JSON field by field.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class CaseView {
    private String caseId;
    private String district;
    private String workModel;
    private CaseStatus status;
    private Instant receivedAt;
    private ReporterCategory reporter;
    private Set<ConcernKind> concerns;
    private YearMonth childBirthMonth;
    @JsonIgnore
    private String childPseudonym;
    private CaseProgress progress = new CaseProgress();
    private List<Worker> workers = new ArrayList<>();
    private List<Collaboration> collaborations = new ArrayList<>();
    private List<Transfer> transfers = new ArrayList<>();
    /** Decisions proposed under the district's delegation, oldest first, decided or not. */
    private List<Proposal> proposals = new ArrayList<>();
    private Instant closedAt;
    private ClosureReason closureReason;
    private Instant lastOccurredAt;
    /** When the case's personal details were erased (its free text reads as erased from then on). */
    private Instant personalDataErasedAt;
    private long version;

    public record Worker(String workerId, String function, Instant assignedAt) {
    }

    public record Collaboration(String partner, String kind, Instant occurredAt) {
    }

    public record Transfer(String fromDistrict, String toDistrict, Instant transferredAt) {
    }

    public enum CaseStatus { OPEN, CLOSED }

    /** The view as the case's first event, recorded as the given version, leaves it. */
    static CaseView raisedBy(ConcernRaised raised, long version) {
        CaseView view = new CaseView();
        view.version = version;
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

    /** The child's pseudonym, kept in its own column rather than in the JSON document. */
    void restoreChildPseudonym(String pseudonym) {
        childPseudonym = pseudonym;
    }

    /**
     * A copy for one reader: each investigation extension passed through {@code extension} and each proposal
     * through {@code proposal} (their sealed reasons opened). This view is left as stored.
     */
    public CaseView withTexts(UnaryOperator<CaseProgress.Extension> extension, UnaryOperator<Proposal> proposal) {
        CaseView copy = new CaseView();
        copy.caseId = caseId;
        copy.district = district;
        copy.workModel = workModel;
        copy.status = status;
        copy.receivedAt = receivedAt;
        copy.reporter = reporter;
        copy.concerns = concerns;
        copy.childBirthMonth = childBirthMonth;
        copy.childPseudonym = childPseudonym;
        copy.progress = progress.withExtensions(extension);
        copy.workers = new ArrayList<>(workers);
        copy.collaborations = new ArrayList<>(collaborations);
        copy.transfers = new ArrayList<>(transfers);
        copy.proposals = new ArrayList<>(proposals.stream().map(proposal).toList());
        copy.closedAt = closedAt;
        copy.closureReason = closureReason;
        copy.lastOccurredAt = lastOccurredAt;
        copy.personalDataErasedAt = personalDataErasedAt;
        copy.version = version;
        return copy;
    }

    public String caseId() {
        return caseId;
    }

    public String district() {
        return district;
    }

    public String workModel() {
        return workModel;
    }

    public CaseStatus status() {
        return status;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public ReporterCategory reporter() {
        return reporter;
    }

    public Set<ConcernKind> concerns() {
        return concerns;
    }

    public YearMonth childBirthMonth() {
        return childBirthMonth;
    }

    public String childPseudonym() {
        return childPseudonym;
    }

    public CaseProgress progress() {
        return progress;
    }

    public List<Worker> workers() {
        return Collections.unmodifiableList(workers);
    }

    public List<Collaboration> collaborations() {
        return Collections.unmodifiableList(collaborations);
    }

    public List<Transfer> transfers() {
        return Collections.unmodifiableList(transfers);
    }

    public List<Proposal> proposals() {
        return Collections.unmodifiableList(proposals);
    }

    public Instant closedAt() {
        return closedAt;
    }

    public ClosureReason closureReason() {
        return closureReason;
    }

    public Instant lastOccurredAt() {
        return lastOccurredAt;
    }

    public Instant personalDataErasedAt() {
        return personalDataErasedAt;
    }

    public long version() {
        return version;
    }

    /** What is due next, if anything: the earliest open deadline. */
    public List<Deadline> openDeadlines() {
        return status == CaseStatus.OPEN ? progress.openDeadlines(receivedAt) : List.of();
    }
}
