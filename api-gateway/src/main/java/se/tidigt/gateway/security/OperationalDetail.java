package se.tidigt.gateway.security;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import se.tidigt.platform.actor.ActorPrincipal;
import se.tidigt.platform.actor.Role;

import java.util.function.Supplier;

/**
 * Metrics and other actuator detail (not the health probes): the platform admin may read them, and
 * so may anyone who reaches the separate management port ({@code MANAGEMENT_SERVER_PORT}), which a
 * deployment keeps inside its cluster for the metrics scraper.
 */
final class OperationalDetail implements AuthorizationManager<RequestAuthorizationContext> {
    private final int managementPort;

    OperationalDetail(int managementPort) {
        this.managementPort = managementPort;
    }

    @Override
    @SuppressWarnings("deprecation")
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        if (managementPort > 0 && context.getRequest().getLocalPort() == managementPort) {
            return new AuthorizationDecision(true);
        }
        Authentication current = authentication.get();
        return new AuthorizationDecision(current != null && current.getPrincipal() instanceof ActorPrincipal principal
                && principal.actor().role() == Role.PLATFORM_ADMIN);
    }
}
