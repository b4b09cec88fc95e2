package se.tidigt.gateway.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import se.tidigt.platform.database.DeploymentMode;

/** The demo users are on when {@code tidigt.demo-users} says so; unset, with the embedded database only. */
public final class DemoUsersSwitch implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return DeploymentMode.onWhenEmbedded(context.getEnvironment(), "tidigt.demo-users");
    }
}
