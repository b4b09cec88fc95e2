package se.tidigt.gateway.stats;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.query.stats.PreparedAnswers;
import se.tidigt.query.stats.StatisticsCache;
import se.tidigt.query.stats.StatisticsPosition;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Answers prepared when the facts move: after the position moves, a query read before is given the answer
 * prepared for it (of the earlier position) and nothing is computed on the reader's thread; once the preparer
 * has run, the answer of the new position; after a reset, nothing of the generation before; nothing computed
 * from the facts of a rebuild under way given in place of a later answer. The preparer's
 * background rounds are put off (a context of its own), so each test runs a round itself.
 */
@TestPropertySource(properties = {"tidigt.stats.prepare-every=1h", "tidigt.test.context=prepared-answers"})
class PreparedAnswersApiTest extends ApiTest {
    @Autowired
    PreparedAnswers prepared;
    @Autowired
    StatisticsPosition position;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    /** Computes an answer naming the query and the position, and records which position it was asked for. */
    private record Counting(String name, List<Long> computedAt) implements Function<StatisticsPosition.State, StatisticsCache.Rendered> {
        Counting(String name) {
            this(name, new ArrayList<>());
        }

        @Override
        public StatisticsCache.Rendered apply(StatisticsPosition.State state) {
            computedAt.add(state.position());
            byte[] answer = (name + "@" + state.position()).getBytes(StandardCharsets.UTF_8);
            return new StatisticsCache.Rendered(answer, answer);
        }
    }

    @Test
    void after_the_facts_move_the_prepared_answer_is_served_until_the_newer_one_is_prepared() {
        Counting onRequest = new Counting("effect");
        Counting inBackground = new Counting("effect");
        StatisticsPosition.State first = position.state();
        assertThat(body(prepared.answer("effect", first, onRequest, inBackground))).isEqualTo("effect@" + first.position());
        assertThat(onRequest.computedAt()).containsExactly(first.position());

        StatisticsPosition.State moved = moveTheFacts();
        PreparedAnswers.Served meanwhile = prepared.answer("effect", moved, onRequest, inBackground);
        assertThat(body(meanwhile)).as("the answer prepared before").isEqualTo("effect@" + first.position());
        assertThat(meanwhile.state()).isEqualTo(first);
        assertThat(onRequest.computedAt()).as("nothing computed on the reader's thread").containsExactly(first.position());

        prepared.prepare();
        assertThat(inBackground.computedAt()).as("prepared once, at the new position").containsExactly(moved.position());
        PreparedAnswers.Served after = prepared.answer("effect", moved, onRequest, inBackground);
        assertThat(body(after)).isEqualTo("effect@" + moved.position());
        assertThat(after.state()).isEqualTo(moved);
        assertThat(onRequest.computedAt()).containsExactly(first.position());
        assertThat(prepared.preparedAt()).isEqualTo(moved);
    }

    @Test
    void after_a_reset_nothing_from_before_is_served() {
        Counting onRequest = new Counting("city");
        StatisticsPosition.State before = position.state();
        prepared.answer("city", before, onRequest, new Counting("city"));

        jdbc.update("UPDATE statistics_position SET version = version + 1, generation = generation + 1 WHERE id = 1");
        StatisticsPosition.State reset = position.state();
        PreparedAnswers.Served served = prepared.answer("city", reset, onRequest, new Counting("city"));
        assertThat(body(served)).isEqualTo("city@" + reset.position());
        assertThat(served.state()).isEqualTo(reset);
        assertThat(onRequest.computedAt()).containsExactly(before.position(), reset.position());
    }

    @Test
    void an_answer_prepared_for_one_query_is_never_served_for_another() {
        prepared.answer("one district", position.state(), new Counting("one district"), new Counting("one district"));
        StatisticsPosition.State moved = moveTheFacts();
        Counting other = new Counting("another district");
        assertThat(body(prepared.answer("another district", moved, other, other))).isEqualTo("another district@" + moved.position());
        assertThat(other.computedAt()).containsExactly(moved.position());
    }

    @Test
    void a_query_read_by_no_reader_is_not_prepared() {
        Counting onRequest = new Counting("warmed");
        StatisticsPosition.State first = position.state();
        PreparedAnswers.notAReader(() -> prepared.answer("warmed", first, onRequest, onRequest));
        StatisticsPosition.State moved = moveTheFacts();
        prepared.prepare();
        assertThat(onRequest.computedAt()).as("not prepared at the new position").containsExactly(first.position());
        assertThat(body(prepared.answer("warmed", moved, onRequest, onRequest))).isEqualTo("warmed@" + moved.position());
        assertThat(onRequest.computedAt()).containsExactly(first.position(), moved.position());
    }

    @Test
    void a_query_whose_first_reader_got_the_warm_up_s_answer_is_given_it_after_the_facts_move() {
        Counting onRequest = new Counting("warmed, then read");
        StatisticsPosition.State first = position.state();
        PreparedAnswers.notAReader(() -> prepared.answer("warmed, then read", first, onRequest, onRequest));
        assertThat(body(prepared.answer("warmed, then read", first, onRequest, onRequest)))
                .isEqualTo("warmed, then read@" + first.position());

        StatisticsPosition.State moved = moveTheFacts();
        PreparedAnswers.Served meanwhile = prepared.answer("warmed, then read", moved, onRequest, onRequest);
        assertThat(meanwhile.state()).as("the warm-up's answer, not a computation on the reader's thread").isEqualTo(first);
        assertThat(onRequest.computedAt()).containsExactly(first.position());
    }

    @Test
    void over_http_the_answer_names_the_position_it_was_computed_at() {
        Api analyst = as("analyst");
        String path = "/api/v1/stats/city?groupBy=district";
        prepared.prepare();
        long first = position.state().position();
        assertThat(analyst.get(path).header("Statistics-Position")).isEqualTo(Long.toString(first));

        StatisticsPosition.State moved = moveTheFacts();
        Api.Response meanwhile = analyst.get(path);
        assertThat(meanwhile.status()).isEqualTo(200);
        assertThat(meanwhile.header("Statistics-Position")).as("prepared before the move").isEqualTo(Long.toString(first));

        prepared.prepare();
        assertThat(analyst.get(path).header("Statistics-Position")).isEqualTo(Long.toString(moved.position()));
    }

    @Test
    void an_answer_computed_while_the_facts_are_rebuilt_is_not_given_for_a_later_state() throws Exception {
        Counting onRequest = new Counting("rebuilt");
        StatisticsPosition.State during = position.state();
        StatisticsPosition.State later = new StatisticsPosition.State(during.position() + 1, during.generation(), during.rollout());
        try (Connection holder = dataSource.getConnection(); Statement lock = holder.createStatement()) {
            // The rebuild's reset waits for this row (it moves the generation), so it runs until the lock is let go.
            holder.setAutoCommit(false);
            lock.execute("SELECT version FROM statistics_position WHERE id = 1 FOR UPDATE");
            Api.Response accepted = as("admin").post("/api/v1/admin/projections/case-statistics/replay", Map.of());
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);

            assertThat(body(prepared.answer("rebuilt", during, onRequest, onRequest))).isEqualTo("rebuilt@" + during.position());
            PreparedAnswers.Served next = prepared.answer("rebuilt", later, onRequest, onRequest);
            assertThat(next.state()).as("computed for its own state, not the rebuild's answer").isEqualTo(later);
            assertThat(onRequest.computedAt()).containsExactly(during.position(), later.position());
            holder.rollback();
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() ->
                "DONE".equals(statisticsProjection().at("/replay/state").asText())
                        && statisticsProjection().get("lag").asLong() == 0);
    }

    /** A new position, as the projection's next write would make it (the facts themselves unchanged). */
    private StatisticsPosition.State moveTheFacts() {
        jdbc.update("UPDATE statistics_position SET version = version + 1 WHERE id = 1");
        return position.state();
    }

    private static String body(PreparedAnswers.Served served) {
        return new String(served.answer().json(), StandardCharsets.UTF_8);
    }
}
