package se.tidigt.platform.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * What follows from whether a database is configured. With no {@code spring.datasource.url}
 * Tidigt runs its embedded PostgreSQL, and what is meant for a machine of one's own (the demo users,
 * the demo data) is on by default; with a URL it is on only when asked for ({@code TIDIGT_DEMO_USERS=true}).
 * Read when beans are defined, so test initialisers that choose a database are seen.
 */
public final class DeploymentMode {
    private DeploymentMode() {
    }

    public static boolean embeddedDatabase(Environment env) {
        return env.getProperty("spring.datasource.url", "").isBlank();
    }

    /** A switch that is on by default with the embedded database and off with a configured one, unless set. */
    public static boolean onWhenEmbedded(Environment env, String name) {
        String value = env.getProperty(name, "");
        return value.isBlank() ? embeddedDatabase(env) : Boolean.parseBoolean(value.trim());
    }

    public static final class Embedded implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return embeddedDatabase(context.getEnvironment());
        }
    }
}
