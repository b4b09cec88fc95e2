package se.tidigt.demo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import se.tidigt.platform.database.DeploymentMode;

/** The demo city is written when {@code tidigt.demo-data} says so; unset, with the embedded database only. */
public final class DemoDataSwitch implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return on(context.getEnvironment());
    }

    /** Whether this deployment writes the demo city (its figures are then synthetic). */
    public static boolean on(Environment environment) {
        return DeploymentMode.onWhenEmbedded(environment, "tidigt.demo-data");
    }
}
