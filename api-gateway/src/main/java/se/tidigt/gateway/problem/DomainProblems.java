package se.tidigt.gateway.problem;

import jakarta.validation.ConstraintViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import se.tidigt.cases.api.CaseRuleViolation;
import se.tidigt.cases.api.InvalidCaseInput;
import se.tidigt.cases.api.NotEntitledToDecide;
import se.tidigt.cases.api.identity.InvalidPersonalIdentityNumber;
import se.tidigt.platform.problem.ApiProblem;
import se.tidigt.platform.problem.Problems;
import se.tidigt.rollout.api.InvalidRolloutInput;
import se.tidigt.rollout.api.RolloutRuleViolation;

import java.util.Comparator;
import java.util.Optional;

/**
 * What the domains' refusals mean in HTTP: a broken rule is 409 naming the rule, input that can
 * never be right is 400 naming the field, a stale If-Match is 412. Shared by the controller advice
 * and by the import, which reports a problem per line.
 */
public final class DomainProblems {
    private DomainProblems() {
    }

    public static Optional<ProblemDetail> of(Throwable e) {
        if (e instanceof ApiProblem p) {
            return Optional.of(p.problem());
        } else if (e instanceof NotEntitledToDecide n) {
            ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "not-entitled-to-decide", "Not yours to decide",
                    n.getMessage());
            problem.setProperty("rule", n.rule());
            return Optional.of(problem);
        } else if (e instanceof CaseRuleViolation v) {
            return Optional.of(ApiProblem.ruleBroken(v.rule(), v.getMessage()).problem());
        } else if (e instanceof RolloutRuleViolation v) {
            return Optional.of(ApiProblem.ruleBroken(v.rule(), v.getMessage()).problem());
        } else if (e instanceof InvalidCaseInput i) {
            return Optional.of(Problems.invalid(i.field(), i.getMessage()));
        } else if (e instanceof InvalidRolloutInput i) {
            return Optional.of(Problems.invalid(i.field(), i.getMessage()));
        } else if (e instanceof InvalidPersonalIdentityNumber i) {
            return Optional.of(Problems.invalid("child.personalIdentityNumber", i.getMessage()));
        } else if (e instanceof ConstraintViolationException c) {
            return Optional.of(Problems.invalid(c.getConstraintViolations().stream()
                    .map(v -> new Problems.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(Problems.FieldError::field)).toList()));
        }
        return storeProblem(e);
    }

    private static Optional<ProblemDetail> storeProblem(Throwable e) {
        if (e instanceof ConflictingAggregateVersionException) {
            return Optional.of(Problems.of(HttpStatus.PRECONDITION_FAILED, "version-mismatch", "Version mismatch",
                    "The resource has changed since the version in If-Match; nothing was stored. Read it again."));
        } else if (e instanceof ConcurrencyException) {
            return Optional.of(Problems.of(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                    "Another write to the same resource was stored first; nothing was stored, try again."));
        } else if (e instanceof AggregateStreamCreationException) {
            return Optional.of(Problems.of(HttpStatus.CONFLICT, "already-exists", "Already exists",
                    "A resource with this identifier already exists; nothing was stored."));
        } else if (e instanceof AggregateNotFoundException) {
            return Optional.of(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such resource."));
        }
        return Optional.empty();
    }
}
