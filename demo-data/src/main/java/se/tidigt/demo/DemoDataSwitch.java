package se.tidigt.demo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import se.tidigt.platform.database.DeploymentMode;

/** The demo city is written when {@code tidigt.demo-data} says so; unset, with the embedded database only. */
public final class DemoDataSwitch implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return DeploymentMode.onWhenEmbedded(context.getEnvironment(), "tidigt.demo-data");
    }
}
