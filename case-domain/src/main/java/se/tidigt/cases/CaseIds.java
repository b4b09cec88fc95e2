package se.tidigt.cases;

import se.tidigt.cases.api.InvalidCaseInput;

import java.util.regex.Pattern;

/**
 * The form of a case's id, and why. Axon's event store keys every stream by its id alone, whatever
 * the aggregate, so a case must never take an id another aggregate will want: open-access tallies
 * ({@code open-access:<district>:<month>:<kind>}, with colons), districts' rollouts (the district
 * code: lower-case letters and hyphens, no digit), work models (their code: upper case). A case id
 * is lower case, may hold digits, dots, underscores and hyphens, and holds at least one digit —
 * as every id the server makes does (a UUID's version digit).
 */
final class CaseIds {
    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private CaseIds() {
    }

    static void check(String caseId) {
        Rules.require(caseId, "caseId");
        if (!FORM.matcher(caseId).matches() || caseId.chars().noneMatch(Character::isDigit)) {
            throw new InvalidCaseInput("caseId", "must be 1 to 64 lower-case letters, digits, '.', '_' or '-', "
                    + "with at least one digit (so it can be no district's, work model's or tally's id)");
        }
    }
}
