package se.tidigt.platform.axon;

import org.axonframework.common.IdentifierFactory;
import se.tidigt.platform.correlation.RandomIds;

/**
 * Axon's message identifiers (commands, results, events), random UUIDs as Axon's default makes them but
 * without its one JVM-wide lock ({@link RandomIds}). Axon finds it through {@code java.util.ServiceLoader}
 * ({@code META-INF/services/org.axonframework.common.IdentifierFactory}).
 */
public final class RandomIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return RandomIds.next().toString();
    }
}
