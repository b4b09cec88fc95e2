package se.tidigt.cases;

import se.tidigt.cases.api.CaseRuleViolation;
import se.tidigt.cases.api.ProposedCommand;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The case's proposals: every id ever used, and those still waiting for a decision. */
final class Proposals {
    private final Set<String> known = new HashSet<>();
    private final Map<String, Pending> pending = new HashMap<>();

    record Pending(ProposedCommand decision, String proposer) {
    }

    void checkNew(String proposalId) {
        if (known.contains(proposalId)) {
            throw new CaseRuleViolation("proposal-already-exists", "The case already has a proposal " + proposalId + ".");
        }
    }

    Pending pending(String proposalId) {
        Pending proposal = pending.get(proposalId);
        if (proposal != null) {
            return proposal;
        }
        if (known.contains(proposalId)) {
            throw new CaseRuleViolation("proposal-already-decided", "The proposal " + proposalId + " was already decided.");
        }
        throw new CaseRuleViolation("unknown-proposal", "The case has no proposal " + proposalId + ".");
    }

    void proposed(String proposalId, ProposedCommand decision, String proposer) {
        known.add(proposalId);
        pending.put(proposalId, new Pending(decision, proposer));
    }

    void decided(String proposalId) {
        pending.remove(proposalId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Proposals that && known.equals(that.known) && pending.equals(that.pending);
    }

    @Override
    public int hashCode() {
        return known.hashCode();
    }
}
