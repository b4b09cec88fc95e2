package se.tidigt.platform.secrets;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code X_FILE=/run/secrets/x} stands for {@code X=<the file's content>}, for every {@code TIDIGT_*}
 * and {@code SPRING_*} variable (the pseudonym key, the key-encryption key, the database password,
 * an OIDC client secret...), as container platforms hand secrets over as files. A trailing newline
 * is dropped. Giving both X and X_FILE is refused: which one was meant?
 */
public class SecretFiles implements EnvironmentPostProcessor {
    static final String SOURCE_NAME = "tidigt-secret-files";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> secrets = read(environment.getSystemEnvironment());
        if (!secrets.isEmpty()) {
            environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(SOURCE_NAME, secrets));
        }
    }

    static Map<String, Object> read(Map<String, Object> env) {
        Map<String, Object> secrets = new LinkedHashMap<>();
        env.forEach((name, value) -> {
            if (name.endsWith("_FILE") && (name.startsWith("TIDIGT_") || name.startsWith("SPRING_"))) {
                String target = name.substring(0, name.length() - "_FILE".length());
                if (env.containsKey(target)) {
                    throw new RefusedStart("Both " + target + " and " + name + " are set.", "Set only one of them.");
                }
                secrets.put(target, content(name, String.valueOf(value)));
            }
        });
        return secrets;
    }

    private static String content(String variable, String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            throw new RefusedStart(variable + " names " + file + ", which cannot be read (" + e.getClass().getSimpleName()
                    + ").", "Mount the secret file there or correct " + variable + ".");
        }
    }
}
