package se.tidigt.cases.api.identity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class KeyedHmacTest {
    // RFC 4231, test case 2: a text key shorter than the block.
    private static final String RFC_4231_CASE_2 = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    @Test
    void gives_the_hmac_sha256_of_rfc_4231() {
        assertThat(KeyedHmac.withKey("Jefe").hexOf("what do ya want for nothing?")).isEqualTo(RFC_4231_CASE_2);
    }

    @Test
    void a_thread_s_reused_mac_gives_each_message_its_own_hmac_again_and_again() {
        KeyedHmac hmac = KeyedHmac.withKey("Jefe");
        String other = hmac.hexOf("another message");

        assertThat(hmac.hexOf("what do ya want for nothing?")).isEqualTo(RFC_4231_CASE_2);
        assertThat(hmac.hexOf("another message")).isEqualTo(other).isNotEqualTo(RFC_4231_CASE_2);
        assertThat(hmac.hexOf("what do ya want for nothing?")).isEqualTo(RFC_4231_CASE_2);
    }

    @Test
    void threads_at_once_each_get_the_same_hmac() throws Exception {
        KeyedHmac hmac = KeyedHmac.withKey("Jefe");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                answers.add(threads.submit(() -> hmac.hexOf("what do ya want for nothing?")));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo(RFC_4231_CASE_2);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_byte_key_and_its_utf_8_text_are_the_same_key() {
        assertThat(KeyedHmac.withKey("Jefe".getBytes(StandardCharsets.UTF_8)).hexOf("what do ya want for nothing?"))
                .isEqualTo(RFC_4231_CASE_2);
    }

    @Test
    void does_not_show_its_key() {
        assertThat(KeyedHmac.withKey("a-deployment-secret-key").toString()).doesNotContain("a-deployment-secret-key");
    }
}
