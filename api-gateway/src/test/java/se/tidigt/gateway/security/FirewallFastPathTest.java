package se.tidigt.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall's fast path accepts and refuses exactly what Spring Security's own header checks do. */
class FirewallFastPathTest {

    @Test
    void every_single_character_is_judged_as_springs_checks_judge_it() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String one = String.valueOf((char) c);
            assertSame(one);
            assertSame("Basic aHYtYWRtaW46ZGVtbw==" + one + "x");
        }
    }

    @Test
    void whole_header_values_are_judged_as_springs_checks_judge_them() {
        List<String> samples = List.of("", "application/json", "Basic aHYtYWRtaW46ZGVtbw==", "W/\"3\"", "a\tb", "\t",
                "bench-run-1-42", "en-GB,en;q=0.9", "caf\u00e9", "\u00e9\u00e9", "a\u0000b", "a\nb", "a\rb", "a\u007fb",
                "a\u0085b", "\ud83d\ude00", "x\ud83d\ude00y", "\ud800", "a\ud800b", "\udc00", "a\u0378b", "\uffff");
        for (String sample : samples) {
            assertSame(sample);
        }
    }

    private static void assertSame(String value) {
        check(value, FirewallFastPath.orElse(false, StrictHttpFirewall.ALLOWED_HEADER_NAMES), StrictHttpFirewall.ALLOWED_HEADER_NAMES);
        check(value, FirewallFastPath.orElse(true, StrictHttpFirewall.ALLOWED_HEADER_VALUES), StrictHttpFirewall.ALLOWED_HEADER_VALUES);
        check(value, FirewallFastPath.orElse(false, StrictHttpFirewall.ALLOWED_PARAMETER_NAMES), StrictHttpFirewall.ALLOWED_PARAMETER_NAMES);
        check(value, FirewallFastPath.orElse(false, StrictHttpFirewall.ALLOWED_PARAMETER_VALUES), StrictHttpFirewall.ALLOWED_PARAMETER_VALUES);
    }

    private static void check(String value, Predicate<String> fast, Predicate<String> spring) {
        assertThat(fast.test(value)).as("%s", value.codePoints().mapToObj(Integer::toHexString).toList())
                .isEqualTo(spring.test(value));
    }
}
