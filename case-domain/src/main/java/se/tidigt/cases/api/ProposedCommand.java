package se.tidigt.cases.api;

/**
 * The whole command a proposal asks for, exactly one of its fields set, so that the stored event names its
 * type without a type tag.
 */
public record ProposedCommand(OpenInvestigation openInvestigation, ExtendInvestigation extendInvestigation,
                              OfferIntervention offerIntervention, CloseCase closeCase, TransferCase transferCase) {

    /** The proposal of a decision command; anything else is not a decision. */
    public static ProposedCommand of(Object command) {
        if (command instanceof OpenInvestigation c) {
            return new ProposedCommand(c, null, null, null, null);
        } else if (command instanceof ExtendInvestigation c) {
            return new ProposedCommand(null, c, null, null, null);
        } else if (command instanceof OfferIntervention c) {
            return new ProposedCommand(null, null, c, null, null);
        } else if (command instanceof CloseCase c) {
            return new ProposedCommand(null, null, null, c, null);
        } else if (command instanceof TransferCase c) {
            return new ProposedCommand(null, null, null, null, c);
        }
        throw new IllegalArgumentException("Not a decision: " + command);
    }

    /** The decision kind of a command, or null when it decides nothing under the delegation. */
    public static DecisionKind kindOf(Object command) {
        if (command instanceof OpenInvestigation) {
            return DecisionKind.OPEN_INVESTIGATION;
        } else if (command instanceof ExtendInvestigation) {
            return DecisionKind.EXTEND_INVESTIGATION;
        } else if (command instanceof OfferIntervention) {
            return DecisionKind.OFFER_INTERVENTION;
        } else if (command instanceof CloseCase) {
            return DecisionKind.CLOSE_CASE;
        } else if (command instanceof TransferCase) {
            return DecisionKind.TRANSFER_CASE;
        }
        return null;
    }

    public Object command() {
        if (openInvestigation != null) {
            return openInvestigation;
        } else if (extendInvestigation != null) {
            return extendInvestigation;
        } else if (offerIntervention != null) {
            return offerIntervention;
        } else if (closeCase != null) {
            return closeCase;
        }
        return transferCase;
    }

    public DecisionKind kind() {
        return kindOf(command());
    }
}
