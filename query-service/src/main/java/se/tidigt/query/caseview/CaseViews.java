package se.tidigt.query.caseview;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The questions district users ask of their cases. */
@Service
public class CaseViews {
    private final CaseViewRepository repository;

    CaseViews(CaseViewRepository repository) {
        this.repository = repository;
    }

    public Optional<CaseView> find(String caseId) {
        return repository.find(caseId);
    }

    /** The district a case belongs to now, without reading the whole view. */
    public Optional<String> districtOf(String caseId) {
        return repository.districtOf(caseId);
    }

    /** One page of a district's cases, newest concern first; {@code status} null means all. */
    public CasePage list(String district, CaseView.CaseStatus status, int page, int size) {
        MapSqlParameterSource p = new MapSqlParameterSource("district", district)
                .addValue("status", status == null ? null : status.name())
                .addValue("limit", size).addValue("offset", (long) page * size);
        String where = "district = :district AND (CAST(:status AS varchar) IS NULL OR status = :status)";
        List<CaseView> cases = repository.query(where + " ORDER BY received_at DESC, case_id LIMIT :limit OFFSET :offset", p);
        return new CasePage(cases, page, size, repository.count(where, p));
    }

    /** A child's cases in one district, found by the child's pseudonym. */
    public List<CaseView> findByChild(String district, String childPseudonym) {
        return repository.query("district = :district AND child_pseudonym = :child ORDER BY received_at",
                new MapSqlParameterSource("district", district).addValue("child", childPseudonym));
    }

    /** A child's cases in every district (the auditors' search), found by the child's pseudonym. */
    public List<CaseView> findByChild(String childPseudonym) {
        return repository.query("child_pseudonym = :child ORDER BY received_at",
                new MapSqlParameterSource("child", childPseudonym));
    }

    /** The district's open cases with a deadline, the most urgent first. */
    public List<WorklistItem> deadlines(String district, LocalDate today) {
        return repository.query("district = :district AND next_due_date IS NOT NULL ORDER BY next_due_date, case_id",
                        new MapSqlParameterSource("district", district)).stream()
                .map(view -> WorklistItem.of(view, today))
                .toList();
    }

    /**
     * Every case that belonged to the district at some time: its cases today and those transferred
     * away from it (their history says when they were its own).
     */
    public List<CaseView> everInDistrict(String district) {
        return repository.query("district = :district OR document -> 'transfers' "
                        + "@> jsonb_build_array(jsonb_build_object('fromDistrict', CAST(:district AS text))) ORDER BY received_at, case_id",
                new MapSqlParameterSource("district", district));
    }

    /**
     * The district's proposals in one status, oldest first, each with what is due on its case. Pending ones
     * only on open cases: closing a case leaves nothing to decide.
     */
    public List<ProposalItem> proposals(String district, Proposal.Status status, LocalDate today) {
        String where = "district = :district AND document -> 'proposals' @> CAST(:status AS jsonb)"
                + (status == Proposal.Status.PENDING ? " AND status = 'OPEN'" : "");
        return repository.query(where, new MapSqlParameterSource("district", district)
                        .addValue("status", "[{\"status\":\"" + status.name() + "\"}]")).stream()
                .flatMap(view -> view.proposals().stream().filter(p -> p.status() == status)
                        .map(p -> ProposalItem.of(view, p, today)))
                .sorted(java.util.Comparator.comparing((ProposalItem item) -> item.proposal().proposedAt())
                        .thenComparing(item -> item.proposal().proposalId()))
                .toList();
    }

    /** The cases with proposals, for the decision statistics (which count a proposal where it was made). */
    public List<CaseView> withProposals() {
        return repository.query("jsonb_array_length(COALESCE(document -> 'proposals', '[]'::jsonb)) > 0",
                new MapSqlParameterSource());
    }

    public record CasePage(List<CaseView> cases, int page, int size, long total) {
    }
}
