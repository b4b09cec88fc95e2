package se.tidigt.gateway.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import se.tidigt.gateway.problem.ProblemResponses;
import se.tidigt.platform.actor.Actor;
import se.tidigt.platform.actor.ActorPrincipal;
import se.tidigt.platform.actor.Role;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static se.tidigt.platform.actor.Role.AUDITOR;
import static se.tidigt.platform.actor.Role.CITY_ANALYST;
import static se.tidigt.platform.actor.Role.DISTRICT_ADMIN;
import static se.tidigt.platform.actor.Role.DISTRICT_SUPERVISOR;
import static se.tidigt.platform.actor.Role.PLATFORM_ADMIN;

/**
 * Who may call what under {@code /api}: the one table. It is applied in the security filter chain,
 * before Spring MVC reads or validates a body, so a district user writing to another district gets
 * 403 whatever they sent (404 for another district's case, as for an unknown one), never a 400 that
 * would tell them something about the other district's case.
 * Anything not named here is refused to everyone; AuthorizationMatrixTest holds the expected table.
 * Controllers keep their own checks (404 for an unknown case or district) as a second line.
 */
final class AccessRules {
    private static final Role[] READERS = {CITY_ANALYST, AUDITOR, PLATFORM_ADMIN};

    private final DistrictScope scope;

    AccessRules(DistrictScope scope) {
        this.scope = scope;
    }

    void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry api) {
        // Cases: the district's own users only.
        rule(api, POST, "/api/v1/districts/{district}/cases", ownDistrict());
        rule(api, GET, "/api/v1/districts/{district}/cases", ownDistrict());
        rule(api, POST, "/api/v1/districts/{district}/cases/search", ownDistrict());
        rule(api, GET, "/api/v1/districts/{district}/deadlines", ownDistrict());
        rule(api, POST, "/api/v1/districts/{district}/open-access-support", ownDistrict());
        rule(api, GET, "/api/v1/cases/{caseId}", caseOfOwnDistrict());
        rule(api, GET, "/api/v1/cases/{caseId}/timeline", caseOfOwnDistrict());
        rule(api, GET, "/api/v1/cases/{caseId}/next-steps", caseOfOwnDistrict());
        rule(api, GET, "/api/v1/districts/{district}/caseload", ownDistrictHidden());
        // Decisions under the district's delegation: its supervisors and admins decide proposals, its admins set it.
        rule(api, POST, "/api/v1/cases/{caseId}/proposals/{proposalId}/decision",
                caseOfOwnDistrict(DISTRICT_SUPERVISOR, DISTRICT_ADMIN));
        rule(api, GET, "/api/v1/districts/{district}/proposals", ownDistrict());
        rule(api, GET, "/api/v1/districts/{district}/delegation", ownDistrict());
        rule(api, PUT, "/api/v1/districts/{district}/delegation", ownDistrict(DISTRICT_ADMIN));
        rule(api, POST, "/api/v1/cases/{caseId}/**", caseOfOwnDistrict());
        // Each line of an import is checked against the user's district as it is stored.
        rule(api, POST, "/api/v1/import", districtUser());
        rule(api, DELETE, "/api/v1/cases/{caseId}/personal-data", roles(PLATFORM_ADMIN));

        // Rollout: everyone reads, the platform admin records; analysts draft plans.
        rule(api, GET, "/api/v1/districts", anyone());
        rule(api, GET, "/api/v1/districts/{district}/rollout", anyone());
        rule(api, POST, "/api/v1/districts/{district}/rollout/**", roles(PLATFORM_ADMIN));
        rule(api, GET, "/api/v1/work-models", anyone());
        rule(api, POST, "/api/v1/work-models", roles(PLATFORM_ADMIN));
        rule(api, POST, "/api/v1/rollout-plans", roles(CITY_ANALYST, PLATFORM_ADMIN));
        rule(api, GET, "/api/v1/rollout-plans/{planId}", anyone());
        rule(api, POST, "/api/v1/rollout-plans/{planId}/approval", roles(PLATFORM_ADMIN));

        // Statistics: a district sees itself unsuppressed; the city's readers see every district, suppressed.
        rule(api, GET, "/api/v1/stats/districts/{district}", ownDistrictOr(READERS));
        rule(api, GET, "/api/v1/stats/city", anyone());
        rule(api, GET, "/api/v1/stats/decisions", anyone());
        rule(api, GET, "/api/v1/stats/rollout-effect", roles(READERS));

        // The spread investigation: figures derived from protected statistics, for the city's analysts and the platform admin.
        rule(api, GET, "/api/v1/spread-investigation", roles(CITY_ANALYST, PLATFORM_ADMIN));
        rule(api, POST, "/api/v1/spread-investigation/scenarios", roles(CITY_ANALYST, PLATFORM_ADMIN));
        rule(api, GET, "/api/v1/spread-investigation/report", roles(CITY_ANALYST, PLATFORM_ADMIN));

        // Operations and audit.
        rule(api, null, "/api/v1/admin/**", roles(PLATFORM_ADMIN));
        rule(api, null, "/api/v1/audit/**", roles(AUDITOR));

        api.anyRequest().denyAll();
    }

    private static void rule(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry api,
                             HttpMethod method, String path, AuthorizationManager<RequestAuthorizationContext> rule) {
        (method == null ? api.requestMatchers(path) : api.requestMatchers(method, path)).access(rule);
    }

    private AuthorizationManager<RequestAuthorizationContext> anyone() {
        return when((actor, request) -> true);
    }

    private AuthorizationManager<RequestAuthorizationContext> roles(Role... allowed) {
        Set<Role> roles = EnumSet.of(allowed[0], allowed);
        return when((actor, request) -> roles.contains(actor.role()));
    }

    private AuthorizationManager<RequestAuthorizationContext> districtUser() {
        return when((actor, request) -> actor.role().isDistrictBound());
    }

    /** An unknown district is let through to the controller, which answers 404. */
    private AuthorizationManager<RequestAuthorizationContext> ownDistrict() {
        return when((actor, request) -> {
            String district = request.getVariables().get("district");
            return actor.role().isDistrictBound() && (!scope.isKnown(district) || scope.isOwn(actor, district));
        });
    }

    /**
     * The district's own users only, and to a district user another district is one that does not exist
     * (404, {@link ProblemResponses#HIDDEN_DISTRICT}): what it holds is the district's alone.
     */
    private AuthorizationManager<RequestAuthorizationContext> ownDistrictHidden() {
        return when((actor, request) -> {
            String district = request.getVariables().get("district");
            if (!actor.role().isDistrictBound()) {
                return false;
            }
            boolean allowed = !scope.isKnown(district) || scope.isOwn(actor, district);
            if (!allowed) {
                request.getRequest().setAttribute(ProblemResponses.HIDDEN_DISTRICT, district);
            }
            return allowed;
        });
    }

    /** The district's own users in one of the given district roles. */
    private AuthorizationManager<RequestAuthorizationContext> ownDistrict(Role... districtRoles) {
        AuthorizationManager<RequestAuthorizationContext> own = ownDistrict();
        AuthorizationManager<RequestAuthorizationContext> inRole = roles(districtRoles);
        return (authentication, request) -> new AuthorizationDecision(
                own.check(authentication, request).isGranted() && inRole.check(authentication, request).isGranted());
    }

    private AuthorizationManager<RequestAuthorizationContext> ownDistrictOr(Role... readers) {
        AuthorizationManager<RequestAuthorizationContext> own = ownDistrict();
        AuthorizationManager<RequestAuthorizationContext> others = roles(readers);
        return (authentication, request) -> new AuthorizationDecision(
                own.check(authentication, request).isGranted() || others.check(authentication, request).isGranted());
    }

    /**
     * A district user's case of another district and an unknown case are both refused here, before any
     * body is read, with the same answer: 404 and the same problem ({@link ProblemResponses#HIDDEN_CASE}).
     * Whatever the body, a district user cannot tell another district's case from one that does not exist.
     */
    private AuthorizationManager<RequestAuthorizationContext> caseOfOwnDistrict() {
        return caseOfOwnDistrict(Role.values());
    }

    /**
     * As {@link #caseOfOwnDistrict()}, for the district roles given: a user of the case's district in another
     * role is refused with 403 (the case exists for them), anyone else's answer is the unknown case's 404.
     */
    private AuthorizationManager<RequestAuthorizationContext> caseOfOwnDistrict(Role... districtRoles) {
        Set<Role> allowed = EnumSet.of(districtRoles[0], districtRoles);
        return when((actor, request) -> {
            if (!actor.role().isDistrictBound()) {
                return false;
            }
            String caseId = request.getVariables().get("caseId");
            boolean own = scope.districtOfCase(caseId).map(district -> scope.isOwn(actor, district)).orElse(false);
            if (!own) {
                request.getRequest().setAttribute(ProblemResponses.HIDDEN_CASE, caseId);
            }
            return own && allowed.contains(actor.role());
        });
    }

    /**
     * Every rule needs a signed-in actor with a role, and for a district role one of today's districts
     * (403 otherwise); no one signed in is 401 through the entry point.
     */
    private AuthorizationManager<RequestAuthorizationContext> when(BiPredicate<Actor, RequestAuthorizationContext> test) {
        return (Supplier<Authentication> authentication, RequestAuthorizationContext request) -> {
            Authentication current = authentication.get();
            if (current == null || !(current.getPrincipal() instanceof ActorPrincipal principal)) {
                return new AuthorizationDecision(false);
            }
            Actor actor = principal.actor();
            return new AuthorizationDecision(scope.isComplete(actor) && test.test(actor, request));
        };
    }
}
