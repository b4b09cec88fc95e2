package se.tidigt.personaldata;

import org.springframework.stereotype.Component;
import se.tidigt.cases.api.ExtendInvestigation;
import se.tidigt.cases.api.ProposedCommand;
import se.tidigt.query.caseview.CaseView;
import se.tidigt.query.caseview.Proposal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Free text about a family (an extension's reason, anything a worker types) is sealed with the case's
 * key before it becomes a command, so events and read models hold only {@code sealed:v1:...}. Readers
 * get it opened; once the key is destroyed every copy reads as {@link #ERASED}. Text recorded before
 * sealing existed is shown as it was stored, until the case is erased. Audit views open payload text through {@link #open} too.
 */
@Component
public class CaseTexts {
    public static final String ERASED = "(erased)";
    private static final String PREFIX = "sealed:v1:";

    private final CaseKeys keys;

    CaseTexts(CaseKeys keys) {
        this.keys = keys;
    }

    public String seal(String caseId, String text) {
        if (text == null) {
            return null;
        }
        byte[] sealed = Aead.seal(keys.keyToSeal(caseId), text.getBytes(StandardCharsets.UTF_8), associatedData(caseId));
        return PREFIX + Base64.getEncoder().encodeToString(sealed);
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** The text in clear for a reader, {@link #ERASED} if the case's key is gone. */
    public String open(String caseId, String stored) {
        if (stored == null) {
            return null;
        }
        if (!isSealed(stored)) {
            return keys.isErased(caseId) ? ERASED : stored;
        }
        byte[] sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        return keys.keyToOpen(caseId)
                .map(key -> new String(Aead.open(key, sealed, associatedData(caseId)), StandardCharsets.UTF_8))
                .orElse(ERASED);
    }

    /** The case view with its sealed free text opened for its reader (or read as erased). */
    public CaseView opened(CaseView view) {
        if (view == null) {
            return null;
        }
        return view.withTexts(e -> e.withReason(open(view.caseId(), e.reason())), p -> opened(view.caseId(), p));
    }

    /** A proposal with the decider's reason and a proposed extension's reason opened for its reader. */
    public Proposal opened(String caseId, Proposal proposal) {
        ProposedCommand decision = proposal.decision();
        ExtendInvestigation extension = decision == null ? null : decision.extendInvestigation();
        if (extension != null) {
            decision = ProposedCommand.of(new ExtendInvestigation(extension.caseId(), extension.extendedAt(),
                    extension.newDueDate(), open(caseId, extension.sealedReason()), extension.expectedVersion()));
        }
        return proposal.withTexts(open(caseId, proposal.reason()), decision);
    }

    private static String associatedData(String caseId) {
        return "tidigt:case-text:" + caseId;
    }
}
