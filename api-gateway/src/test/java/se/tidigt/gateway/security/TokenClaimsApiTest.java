package se.tidigt.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.Tokens;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/**
 * A bearer token must name a user, expire, be meant for this API (when an audience is configured, as
 * here) and be within a small clock skew; anything else is 401 before anything is read or written. A
 * token refused this way never reaches the access log, so readers at the same moment are not failed
 * with it.
 */
@TestPropertySource(properties = {"spring.security.oauth2.resourceserver.jwt.audiences=tidigt-api",
        "tidigt.security.token-clock-skew=30s"})
class TokenClaimsApiTest extends ApiTest {
    private static final String HV = "/api/v1/districts/hasselby-vallingby";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_token_for_this_api_with_a_user_and_an_expiry_is_accepted() {
        assertThat(bearer(token(c -> c)).get(HV + "/deadlines").status()).isEqualTo(200);
        assertThat(bearer(token(c -> c.claim("preferred_username", null))).get(HV + "/deadlines").status())
                .as("sub alone names the user").isEqualTo(200);
    }

    @Test
    void a_token_naming_no_user_is_refused_for_reads_and_writes_and_stores_nothing() {
        String nameless = token(c -> c.claim("preferred_username", null).subject(null));
        long events = events();
        assertProblem(bearer(nameless).get(HV + "/deadlines"), 401);
        assertProblem(bearer(nameless).post(HV + "/cases", concern(daysAgo(1))), 401);
        assertProblem(bearer(token(c -> c.claim("preferred_username", " ").subject(" "))).get(HV + "/deadlines"), 401);
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void a_token_without_an_expiry_or_past_it_beyond_the_skew_is_refused() {
        assertProblem(bearer(token(c -> c.expirationTime(null))).get(HV + "/deadlines"), 401);
        assertProblem(bearer(token(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(45)))
                .issueTime(Date.from(Instant.now().minusSeconds(600))))).get(HV + "/deadlines"), 401);
        assertThat(bearer(token(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(5)))
                .issueTime(Date.from(Instant.now().minusSeconds(600))))).get(HV + "/deadlines").status())
                .as("a few seconds past expiry is within the skew").isEqualTo(200);
        assertProblem(bearer(token(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600))))).get(HV + "/deadlines"), 401);
    }

    @Test
    void a_token_for_another_audience_or_none_is_refused() {
        assertProblem(bearer(token(c -> c.audience("another-api"))).get(HV + "/deadlines"), 401);
        assertProblem(bearer(token(c -> c.audience((String) null))).get(HV + "/deadlines"), 401);
    }

    @Test
    void nameless_tokens_read_at_the_same_moment_as_others_never_fail_the_others() throws Exception {
        String caseId = bearer(token(c -> c)).post(HV + "/cases", concern(daysAgo(2))).json().get("caseId").asText();
        String good = token(c -> c);
        String nameless = token(c -> c.claim("preferred_username", null).subject(null));
        ExecutorService readers = Executors.newFixedThreadPool(36);
        try {
            List<Future<Api.Response>> goodReads = new ArrayList<>();
            List<Future<Api.Response>> namelessReads = new ArrayList<>();
            for (int i = 0; i < 36; i++) {
                boolean bad = i % 2 == 1;
                String token = bad ? nameless : good;
                Future<Api.Response> read = readers.submit(() -> bearer(token).get("/api/v1/cases/" + caseId));
                (bad ? namelessReads : goodReads).add(read);
            }
            for (Future<Api.Response> read : goodReads) {
                assertThat(read.get().status()).as(read.get().toString()).isEqualTo(200);
            }
            for (Future<Api.Response> read : namelessReads) {
                assertProblem(read.get(), 401);
            }
        } finally {
            readers.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_log WHERE ? = ANY(case_ids)", Long.class, caseId))
                .as("one entry per good read, all of them named").isEqualTo(18);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_log WHERE user_id IS NULL OR btrim(user_id) = ''",
                Long.class)).isZero();
    }

    /** A district admin's token for this API, changed by {@code more}. */
    private static String token(java.util.function.UnaryOperator<com.nimbusds.jwt.JWTClaimsSet.Builder> more) {
        return Tokens.sign(c -> more.apply(c.audience("tidigt-api").claim("preferred_username", "ada.admin")
                .claim("roles", List.of("DISTRICT_ADMIN")).claim("district", "hasselby-vallingby")));
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }
}
