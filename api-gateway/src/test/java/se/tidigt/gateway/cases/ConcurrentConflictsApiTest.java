package se.tidigt.gateway.cases;

import org.junit.jupiter.api.Test;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * 100 conflicting commands on one case at once (all answering one offer, all starting its
 * intervention, all closing the case): exactly one wins, the others get 409 (or 412 with If-Match),
 * never a 500, and the case holds one answer, one start and one closure.
 */
class ConcurrentConflictsApiTest extends ApiTest {
    private static final int COMMANDS = 100;

    @Test
    void a_hundred_conflicting_commands_on_one_case_have_one_winner_and_no_500() throws Exception {
        String caseId = hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(10))).json()
                .get("caseId").asText();
        hv().post("/api/v1/cases/" + caseId + "/initial-assessment",
                Map.of("completedAt", daysAgo(9).toString(), "decision", "EARLY_SUPPORT"));
        String offerId = hv().post("/api/v1/cases/" + caseId + "/offers",
                Map.of("offeredAt", daysAgo(8).toString(), "interventionType", "FAMILY_TREATMENT")).json().get("offerId").asText();

        Map<Integer, Integer> answers = race(i -> hv().post("/api/v1/cases/" + caseId + "/offers/" + offerId + "/response",
                i % 2 == 0 ? Map.of("respondedAt", daysAgo(7).toString(), "accepted", true, "consentBy", "GUARDIANS")
                        : Map.of("respondedAt", daysAgo(7).toString(), "accepted", false, "declineReason", "NOT_WANTED")));
        assertOneWinner(answers);
        boolean accepted = hv().get("/api/v1/cases/" + caseId).json().at("/progress/offers/0/answer").asText()
                .startsWith("ACCEPT");
        if (accepted) {
            assertOneWinner(race(i -> hv().with("If-Match", "\"4\"").post("/api/v1/cases/" + caseId + "/interventions",
                    Map.of("offerId", offerId, "startedAt", daysAgo(6).toString()))));
        }
        assertOneWinner(race(i -> hv().post("/api/v1/cases/" + caseId + "/closure",
                Map.of("closedAt", daysAgo(1).toString(), "reason", "OTHER"))));

        long version = hv().get("/api/v1/cases/" + caseId).json().get("version").asLong();
        assertThat(version).as("one answer, one start (if accepted), one closure").isEqualTo(accepted ? 6 : 5);
    }

    private static void assertOneWinner(Map<Integer, Integer> answers) {
        assertThat(answers.keySet()).as(answers.toString()).containsAnyOf(200).allMatch(s -> s == 200 || s == 409 || s == 412);
        assertThat(answers.get(200)).as(answers.toString()).isEqualTo(1);
    }

    /** Sends the commands from 100 threads released at once; the statuses counted. */
    private Map<Integer, Integer> race(java.util.function.IntFunction<Api.Response> command) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(COMMANDS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> sent = IntStream.range(0, COMMANDS).mapToObj(i -> threads.submit((Callable<Integer>) () -> {
                start.await();
                return command.apply(i).status();
            })).toList();
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Integer> f : sent) {
                statuses.merge(f.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            return statuses;
        } finally {
            threads.shutdownNow();
        }
    }
}
