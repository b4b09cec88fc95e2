package se.tidigt.platform.actor;

import se.tidigt.platform.problem.ApiProblem;

import java.util.Arrays;

/** Checks that the current actor holds one of the roles an action needs (403 otherwise). */
public final class Roles {
    private Roles() {
    }

    public static Actor require(Role... allowed) {
        Actor actor = CurrentActor.get();
        if (Arrays.stream(allowed).noneMatch(role -> role == actor.role())) {
            throw ApiProblem.forbidden("This needs the role " + (allowed.length == 1 ? allowed[0]
                    : "of " + Arrays.toString(allowed)) + ".");
        }
        return actor;
    }
}
