package se.tidigt.platform.correlation;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RandomIdsTest {

    @Test
    void ids_drawn_across_several_draws_are_distinct_version_4_uuids() {
        Set<UUID> seen = new HashSet<>();
        int ids = RandomIds.DRAWN / 16 * 5 + 3;
        for (int i = 0; i < ids; i++) {
            UUID id = RandomIds.next();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            seen.add(id);
        }
        assertThat(seen).hasSize(ids);
    }

    @Test
    void every_random_bit_takes_both_values() {
        long mostOnes = 0, mostZeros = 0, leastOnes = 0, leastZeros = 0;
        for (int i = 0; i < 2_000; i++) {
            UUID id = RandomIds.next();
            mostOnes |= id.getMostSignificantBits();
            mostZeros |= ~id.getMostSignificantBits();
            leastOnes |= id.getLeastSignificantBits();
            leastZeros |= ~id.getLeastSignificantBits();
        }
        // All 122 bits but the version (4 bits, 0100) and the variant (2 bits, 10) are random.
        assertThat(mostOnes & mostZeros).isEqualTo(~0xF000L);
        assertThat(leastOnes & leastZeros).isEqualTo(0x3FFF_FFFF_FFFF_FFFFL);
    }
}
