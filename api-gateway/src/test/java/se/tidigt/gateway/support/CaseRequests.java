package se.tidigt.gateway.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Request bodies for the case endpoints, with synthetic children and times in the past. */
public final class CaseRequests {
    private static final AtomicLong SEED = new AtomicLong(1);

    private CaseRequests() {
    }

    /** A fresh synthetic child's identity number (valid checksum), born {@code age} years ago. */
    public static String childAged(int age) {
        return Children.numberFor(LocalDate.now().minusYears(age).minusDays(40), SEED.incrementAndGet());
    }

    public static Instant daysAgo(int days) {
        return Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    public static Map<String, Object> concern(String personalIdentityNumber, Instant receivedAt) {
        return Map.of("receivedAt", receivedAt.toString(), "reporter", "SCHOOL",
                "concerns", List.of("CRIME_RISK", "SCHOOL_ABSENCE"),
                "child", Map.of("personalIdentityNumber", personalIdentityNumber));
    }

    public static Map<String, Object> concern(Instant receivedAt) {
        return concern(childAged(14), receivedAt);
    }
}
