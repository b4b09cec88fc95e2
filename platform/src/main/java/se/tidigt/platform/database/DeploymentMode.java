package se.tidigt.platform.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * What follows from whether a database is configured. With no {@code spring.datasource.url}
 * Tidigt runs its embedded PostgreSQL, and the demo users and demo data are on by default; with a
 * URL they are on only when asked for ({@code TIDIGT_DEMO_USERS=true}). Read when beans are
 * defined, so test initialisers that choose a database are seen.
 */
public final class DeploymentMode {
    private DeploymentMode() {
    }

    public static boolean embeddedDatabase(Environment env) {
        return env.getProperty("spring.datasource.url", "").isBlank();
    }

    public static boolean demoUsers(Environment env) {
        return flag(env, "tidigt.demo-users", embeddedDatabase(env));
    }

    public static boolean demoData(Environment env) {
        return flag(env, "tidigt.demo-data", embeddedDatabase(env));
    }

    private static boolean flag(Environment env, String name, boolean otherwise) {
        String value = env.getProperty(name, "");
        return value.isBlank() ? otherwise : Boolean.parseBoolean(value.trim());
    }

    public static final class Embedded implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return embeddedDatabase(context.getEnvironment());
        }
    }

    public static final class DemoUsers implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return demoUsers(context.getEnvironment());
        }
    }

    public static final class DemoData implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return demoData(context.getEnvironment());
        }
    }
}
