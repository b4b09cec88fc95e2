package se.tidigt.platform.axon;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon's message identifiers come from the platform's lock-free generator and are random UUIDs as before. */
class RandomIdentifierFactoryTest {

    @Test
    void axon_takes_its_message_identifiers_from_the_platforms_generator() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(RandomIdentifierFactory.class);
    }

    @Test
    void identifiers_are_distinct_version_4_uuids_across_threads() throws InterruptedException {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            threads.execute(() -> {
                IdentifierFactory ids = IdentifierFactory.getInstance();
                for (int i = 0; i < 10_000; i++) {
                    seen.add(ids.generateIdentifier());
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        assertThat(seen).hasSize(80_000);
        assertThat(seen).allSatisfy(id -> {
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
        });
    }
}
