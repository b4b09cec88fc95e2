package se.tidigt.gateway.problem;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.EventStoreCounter;
import se.tidigt.gateway.support.RawHttp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.childAged;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * 1,000 generated hostile requests (jqwik's generators, a fixed seed) that vary everything but the
 * JSON fields ({@link HostileBodiesTest} does those): the method, the path (odd, encoded, huge and
 * unicode ids), the query (bad dates, huge numbers, repeated and unknown parameters), the headers
 * ({@code If-Match}, {@code Idempotency-Key}, {@code Content-Type}, {@code Accept}, {@code Authorization},
 * duplicated and huge ones), a lying {@code Content-Length} or broken chunking, and bodies, NDJSON
 * imports of mixed good, bad, empty and huge lines with any line ending among them. Sent byte for byte
 * on raw sockets. None may answer 5xx or carry a stack trace, every refusal is problem+json, and a
 * refused request stores nothing.
 */
// A generated body can promise more than it sends (a chunk size read from its first characters), and
// Tomcat then waits its connection timeout for the rest before refusing it: 2 s here instead of 60 s,
// the same answer, minutes sooner.
@TestPropertySource(properties = "server.tomcat.connection-timeout=2s")
class HostileRequestsTest extends ApiTest {
    private static final int REQUESTS = 1000;
    private static final long SEED = 20261126L;
    private static final String DISTRICT = "hasselby-vallingby";
    private static final String NO_AUTHORIZATION = "(none)";
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE",
            "PROPFIND", "FOO", "get", "CONNECT");
    private static final List<String> PATHS = List.of("/api/v1/cases/{id}", "/api/v1/cases/{id}/protection-assessment",
                "/api/v1/cases/{id}/initial-assessment", "/api/v1/cases/{id}/investigation", "/api/v1/cases/{id}/workers",
                "/api/v1/cases/{id}/offers", "/api/v1/cases/{id}/offers/{id}/response", "/api/v1/cases/{id}/closure",
                "/api/v1/cases/{id}/transfer", "/api/v1/cases/{id}/personal-data", "/api/v1/districts/{d}/cases",
                "/api/v1/districts/{d}/cases/search", "/api/v1/districts/{d}/deadlines", "/api/v1/districts/{d}/rollout",
                "/api/v1/districts/{d}/open-access-support", "/api/v1/districts", "/api/v1/stats/districts/{d}",
                "/api/v1/stats/city", "/api/v1/stats/rollout-effect", "/api/v1/import", "/api/v1/import",
                "/api/v1/audit/access-log", "/api/v1/audit/cases/{id}/history", "/api/v1/audit/cases/{id}/state",
                "/api/v1/audit/digests/{id}", "/api/v1/work-models", "/api/v1/rollout-plans/{id}",
                "/api/v1/admin/weeding/preview", "/api/v1/admin/projections/{id}/parked", "/api/v1/{id}", "/{id}",
                "/actuator/health/{id}", "/api/v1/cases/{id}/../../districts/{d}/cases");

    @Autowired
    JdbcTemplate jdbc;

    /** One request: its bytes, whether to end the sending side after them, and a short description. */
    record Hostile(byte[] bytes, boolean halfClose, String description) {
    }

    @Test
    void generated_hostile_requests_never_answer_5xx_and_refused_ones_are_problems_that_store_nothing() throws Exception {
        String caseId = hv().post("/api/v1/districts/" + DISTRICT + "/cases", concern(daysAgo(20))).json().get("caseId").asText();
        Tally tally = send(generate(caseId));
        System.out.println("hostile requests: " + tally);
        assertThat(tally.failures).isEmpty();
        // The generator reached the controllers and the import, not only the front door.
        assertThat(tally.statuses.keySet()).contains(200, 400);
    }

    /** Every method on every path (with a real case id, valid credentials, a valid body): none of them a 5xx. */
    @Test
    void every_method_on_every_path_is_answered_without_5xx_and_refusals_are_problems() throws Exception {
        String caseId = hv().post("/api/v1/districts/" + DISTRICT + "/cases", concern(daysAgo(20))).json().get("caseId").asText();
        byte[] body = utf8("{\"receivedAt\":\"" + daysAgo(1) + "\",\"reporter\":\"SCHOOL\",\"concerns\":[\"NEGLECT\"],"
                + "\"child\":{\"personalIdentityNumber\":\"" + childAged(11) + "\"}}");
        List<Hostile> requests = new ArrayList<>();
        for (String path : new java.util.LinkedHashSet<>(PATHS)) {
            for (String method : METHODS) {
                requests.add(request(method, path.replace("{id}", caseId).replace("{d}", DISTRICT),
                        List.of("Content-Type: application/json"), "Basic " + base64("hv-admin:demo"), body, 0));
            }
        }
        Tally tally = send(requests);
        System.out.println("every method on every path: " + tally);
        assertThat(tally.failures).isEmpty();
        assertThat(tally.statuses.keySet()).contains(200, 405);
    }

    /** What came back, and what was wrong with it. */
    static final class Tally {
        final Map<Integer, Integer> statuses = new TreeMap<>();
        final List<String> failures = new ArrayList<>();
        int sent;
        int refusedStoringNothing;

        @Override
        public String toString() {
            return sent + " sent, answers " + statuses + ", refused with nothing stored " + refusedStoringNothing
                    + ", wrong " + failures.size();
        }
    }

    private Tally send(List<Hostile> requests) throws java.io.IOException {
        EventStoreCounter counter = new EventStoreCounter(jdbc);
        Tally tally = new Tally();
        for (Hostile request : requests) {
            long before = counter.stored();
            RawHttp.Answer answer = RawHttp.exchange(port, request.bytes(), request.halfClose());
            tally.sent++;
            tally.statuses.merge(answer.status(), 1, Integer::sum);
            boolean refused = answer.status() >= 400;
            boolean head = request.description().startsWith("HEAD ");
            List<String> wrong = new ArrayList<>();
            if (answer.status() < 100 || answer.status() >= 500) {
                wrong.add("status");
            }
            if (answer.body().contains("\tat ") || answer.body().contains("Exception")) {
                wrong.add("stack trace");
            }
            if (refused && !head && !answer.isProblem()) {
                wrong.add("not problem+json (" + answer.header("content-type") + ")");
            }
            if (refused) {
                if (counter.stored() != before) {
                    wrong.add("stored");
                } else {
                    tally.refusedStoringNothing++;
                }
            }
            if (!wrong.isEmpty()) {
                tally.failures.add(wrong + " " + answer.status() + " " + request.description() + " -> "
                        + answer.body().substring(0, Math.min(200, answer.body().length())));
            }
        }
        return tally;
    }

    /** What the generated requests found, each once: answered 501 or 500 before. */
    @Test
    void a_method_or_transfer_coding_the_server_lacks_and_a_multipart_body_are_refused_as_the_client_s_fault() throws Exception {
        String auth = "Authorization: Basic " + base64("hv-admin:demo") + "\r\n";
        long before = new EventStoreCounter(jdbc).stored();
        RawHttp.Answer connect = RawHttp.exchange(port, utf8("CONNECT /api/v1/districts HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n" + auth + "\r\n"), false);
        RawHttp.Answer identity = RawHttp.exchange(port, utf8("POST /api/v1/work-models HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n" + auth + "Content-Type: application/json\r\nTransfer-Encoding: identity\r\n"
                + "Content-Length: 2\r\n\r\n{}"), false);
        byte[] line = utf8("{\"type\":\"RaiseConcern\",\"district\":\"" + DISTRICT + "\",\"receivedAt\":\"2024-01-01T08:00:00Z\","
                + "\"reporter\":\"POLICE\",\"concerns\":[\"CRIME_RISK\"],\"child\":{\"personalIdentityNumber\":\"" + childAged(8) + "\"}}\n");
        RawHttp.Answer multipart = RawHttp.exchange(port, concat(utf8("POST /api/v1/import HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n" + auth + "Content-Type: multipart/form-data\r\nContent-Length: " + line.length
                + "\r\n\r\n"), line), false);

        assertThat(connect.status()).as(connect.toString()).isEqualTo(405);
        assertThat(identity.status()).as(identity.toString()).isEqualTo(400);
        assertThat(multipart.status()).as(multipart.toString()).isEqualTo(415);
        assertThat(List.of(connect, identity, multipart)).allMatch(RawHttp.Answer::isProblem);
        assertThat(new EventStoreCounter(jdbc).stored()).isEqualTo(before);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private List<Hostile> generate(String caseId) {
        Arbitrary<String> method = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("GET", "POST")),
                Tuple.of(3, Arbitraries.of("PUT", "PATCH", "DELETE", "OPTIONS", "HEAD")),
                Tuple.of(1, Arbitraries.of("TRACE", "PROPFIND", "FOO", "get", "CONNECT")));
        Arbitrary<String> target = Combinators.combine(paths(), ids(caseId), districts(), queries())
                .as((path, id, district, query) -> path.replace("{id}", id).replace("{d}", district) + query);
        Arbitrary<List<String>> headers = header().list().ofMaxSize(4);
        Arbitrary<String> authorization = authorization();
        Arbitrary<byte[]> body = body(caseId);
        Arbitrary<Integer> framing = Arbitraries.frequency(
                Tuple.of(16, 0), Tuple.of(1, 1), Tuple.of(1, 2),
                Tuple.of(1, 3), Tuple.of(1, 4));
        Arbitrary<Hostile> hostile = Combinators.combine(method, target, headers, authorization, body, framing)
                .as(HostileRequestsTest::request);
        // A jqwik session with a fixed seed: the same requests on every run.
        JqwikSession.start(Long.toString(SEED));
        try {
            return hostile.sampleStream().limit(REQUESTS).toList();
        } finally {
            JqwikSession.finish();
        }
    }

    /** Framing: 0 right; 1 Content-Length larger than the body (then the sender stops); 2 smaller; 3 none; 4 bad chunks. */
    private static Hostile request(String method, String target, List<String> headers, String authorization, byte[] body,
                                   int framing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nConnection: close\r\n");
        if (!NO_AUTHORIZATION.equals(authorization)) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        headers.forEach(h -> head.append(h).append("\r\n"));
        switch (framing) {
            case 1 -> head.append("Content-Length: ").append(body.length + 1 + body.length / 2).append("\r\n");
            case 2 -> head.append("Content-Length: ").append(body.length / 2).append("\r\n");
            case 3 -> { }
            case 4 -> head.append("Transfer-Encoding: chunked\r\n");
            default -> head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(body);
        String description = method + " " + abbreviate(target) + " " + headers.stream().map(HostileRequestsTest::abbreviate).toList()
                + " auth=" + abbreviate(String.valueOf(authorization)) + " framing=" + framing + " body="
                + abbreviate(new String(body, StandardCharsets.UTF_8));
        return new Hostile(bytes.toByteArray(), framing == 1, description);
    }

    private static Arbitrary<String> paths() {
        return Arbitraries.of(PATHS);
    }

    private static Arbitrary<String> ids(String caseId) {
        return Arbitraries.oneOf(Arbitraries.of(caseId, caseId, caseId, "unknown-case-1", "..", "%2e%2e", "%00", "%ZZ", "%25",
                        "ärende-1", "%C3%A4rende-1", "%F0%9F%98%80", "\uD83D\uDE00", "a;b=c", "%2F", "CASE-1", "%20", "a%0d%0ab",
                        "'%3B%20DROP%20TABLE%20domainevententry", "%7Bid%7D", "1e999", "-1", "hasselby-vallingby",
                        "open-access:bromma:2025-01:COUNSELLING", "2025-01-01", "\\", "a|b", "%u0041", "~", "*", "."),
                Arbitraries.integers().between(65, 20_000).map("x"::repeat),
                Arbitraries.strings().alpha().numeric().withChars("-_.~!$&'()*+,;=:@").ofMinLength(1).ofMaxLength(60));
    }

    private static Arbitrary<String> districts() {
        return Arbitraries.of(DISTRICT, DISTRICT, DISTRICT, "rinkeby-kista", "HASSELBY-VALLINGBY", "no-such-district", "%00",
                "h%C3%A4sselby", "hässelby", "x".repeat(3000), "..", "%2e", "bromma%2F..");
    }

    private static Arbitrary<String> queries() {
        Arbitrary<String> name = Arbitraries.of("from", "to", "page", "size", "status", "groupBy", "districts", "workModel",
                "concern", "seed", "replicates", "metric", "year", "on", "historical", "targetEffect", "asOf", "validAt",
                "caseId", "user", "from", "to", "unknown", "", "%00", "a[b]");
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of("", "2025-01", "2025-13", "-5000-01", "+99999-01",
                        "99999999999", "-1", "0", "1e999", "NaN", "Infinity", "abc", "2025-02-30", "2025-01-01", "2025-01-01T00:00:00Z",
                        "-250000-01-01T00:00:00Z", "UNKNOWN", "OPEN", "open", "%00", "true", "%E2%82%AC", "2025-01%26from%3D2024-01",
                        "%", "%G1", "a%0Ab", "VALLINGBY_TEAM", "historical", "acceptanceRate", "9999", "98", "1.5", "%2B1"),
                Arbitraries.integers().between(100, 9000).map("9"::repeat),
                Arbitraries.longs().map(String::valueOf));
        Arbitrary<String> pair = Combinators.combine(name, value).as((n, v) -> n + "=" + v);
        return pair.list().ofMaxSize(5).map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    private static Arbitrary<String> header() {
        Arbitrary<String> ifMatch = Arbitraries.oneOf(Arbitraries.of("", "*", "\"0\"", "\"1\"", "W/\"1\"", "1", "\"-1\"",
                        "\"99999999999999999999\"", "\"1\", \"2\"", "\"a\"", "\"", "W/", "\"1", "\u00e4", "\"0x1\"", "\"1e3\""),
                Arbitraries.integers().between(1, 9000).map(n -> "\"" + "9".repeat(n) + "\""));
        Arbitrary<String> idempotencyKey = Arbitraries.oneOf(Arbitraries.of("", " ", "a", "\t", "key with spaces", "ä-key",
                        "\u00ff\u00fe", "%00", "../../x", "k\u0001ey"),
                Arbitraries.integers().between(1, 9000).map("k"::repeat),
                Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(300).map(s -> s.replace('\r', ' ').replace('\n', ' ')));
        Arbitrary<String> contentType = Arbitraries.of("application/json", "application/json; charset=utf-16",
                "application/json; charset=bogus", "application/json; charset=\"\"", "application/json;;;", "text/plain",
                "application/xml", "multipart/form-data", "application/x-www-form-urlencoded", "application/x-ndjson",
                "application/x-ndjson; charset=latin1", "application/json; a=b; a=c", "*/*", "application/", "/", "garbage",
                "application/json, text/plain", "application/problem+json", "text/csv", "", "application/json; charset=utf-32");
        Arbitrary<String> accept = Arbitraries.of("text/csv", "application/xml", "*/*;q=bogus", "application/json;q=2",
                "garbage", "text/html", "image/png", "", "application/problem+json", "text/csv, application/json;q=0.1",
                "*/*", "application/*", "text/*;q=0", "application/json;q=0");
        Arbitrary<String> other = Arbitraries.of("X-Correlation-Id: " + "c".repeat(500), "X-Correlation-Id: \u00e4\u00e4",
                "Origin: https://evil.example", "Range: bytes=0-1", "Expect: 100-continue", "Expect: nothing",
                "X-HTTP-Method-Override: DELETE", "Accept-Charset: bogus", "Accept-Encoding: gzip;q=bogus", "Cookie: JSESSIONID=x",
                "X-Forwarded-For: ::1, <script>", "Host: evil.example", "Content-Encoding: gzip", "Transfer-Encoding: identity",
                "Authorization: Basic aHYtYWRtaW46ZGVtbw==", "If-None-Match: *", "If-Modified-Since: yesterday",
                "X-Big: " + "b".repeat(9000), "X-Huge: " + "h".repeat(20_000), "Bad Header: x", ": no name", "NoColon");
        return Arbitraries.oneOf(ifMatch.map(v -> "If-Match: " + v), idempotencyKey.map(v -> "Idempotency-Key: " + v),
                contentType.map(v -> "Content-Type: " + v), accept.map(v -> "Accept: " + v), other);
    }

    /** Mostly a valid user (so requests reach the controllers), else a malformed or wrong Authorization, or none. */
    private static Arbitrary<String> authorization() {
        Arbitrary<String> users = Arbitraries.of("hv-admin", "hv-admin", "hv-admin", "analyst", "auditor", "admin")
                .map(user -> "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        Arbitrary<String> malformed = Arbitraries.of("Basic", "Basic !!!", "Basic " + base64("nocolon"),
                "Basic " + base64("hv-admin:wrong"), "Basic " + base64("\u00e4:\u00e4"), "Bearer", "Bearer a.b.c",
                "Bearer " + "t".repeat(5000), "Digest username=x", "basic " + base64("hv-admin:demo"), "Basic  " + base64("hv-admin:demo"),
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "Negotiate x", "");
        return Arbitraries.frequencyOf(Tuple.of(8, users), Tuple.of(2, malformed),
                Tuple.of(1, Arbitraries.just(NO_AUTHORIZATION)));
    }

    private static Arbitrary<byte[]> body(String caseId) {
        String concern = "{\"receivedAt\":\"" + daysAgo(1) + "\",\"reporter\":\"SCHOOL\",\"concerns\":[\"NEGLECT\"],"
                + "\"child\":{\"personalIdentityNumber\":\"" + childAged(9) + "\"}}";
        Arbitrary<byte[]> fixed = Arbitraries.of(new byte[0], utf8(concern), utf8("{}"), utf8("not json"), utf8("null"),
                utf8("{\"assessedAt\":\"" + daysAgo(1) + "\",\"immediateProtectionNeeded\":false}"),
                concern.getBytes(StandardCharsets.UTF_16), utf8("\uFEFF" + concern), new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1, 2},
                utf8("a=b&c=d"), utf8("<xml/>"), utf8("{\"a\":" + "[".repeat(5000)), utf8("x".repeat(1_100_000)));
        return Arbitraries.frequencyOf(Tuple.of(1, fixed), Tuple.of(1, ndjson(caseId)));
    }

    /** An import file: good, bad, empty, whitespace and huge lines, joined by any line ending. */
    private static Arbitrary<byte[]> ndjson(String caseId) {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 30).map(n -> "{\"type\":\"RaiseConcern\",\"district\":\"" + DISTRICT
                        + "\",\"receivedAt\":\"2024-0" + (1 + n % 9) + "-01T08:00:00Z\",\"reporter\":\"POLICE\","
                        + "\"concerns\":[\"CRIME_RISK\"],\"child\":{\"personalIdentityNumber\":\"" + childAged(4 + n % 10) + "\"}}"),
                Arbitraries.of("", "   ", "\t", "{not json", "null", "[1,2]", "{}", "\u0000", "\uFEFF{}",
                        "{\"type\":\"Teleport\",\"caseId\":\"" + caseId + "\"}",
                        "{\"type\":\"AssessProtectionNeed\",\"caseId\":\"" + caseId + "\",\"assessedAt\":\"-5000-01-01T00:00:00Z\","
                                + "\"immediateProtectionNeeded\":false}",
                        "{\"type\":\"RaiseConcern\",\"caseId\":\"open-access:bromma:2025-01:COUNSELLING\"}",
                        "{\"type\":\"RaiseConcern\",\"type\":\"CloseCase\"}", "{\"type\":\"CloseCase\",\"caseId\":\"" + caseId
                                + "\",\"closedAt\":\"2022-08-01T10:00:00Z\",\"reason\":\"OTHER\"} trailing"),
                Arbitraries.integers().between(1000, 300_000).map(n -> "{\"type\":\"" + "T".repeat(n) + "\"}"));
        Arbitrary<String> ending = Arbitraries.of("\n", "\r\n", "\r", "\n\n", "\u2028", "\u0085", "\n\r");
        return Combinators.combine(line, ending).as((l, e) -> l + e).list().ofMinSize(0).ofMaxSize(8)
                .map(parts -> utf8(String.join("", parts)));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String s) {
        String flat = s.replace("\r", "\\r").replace("\n", "\\n");
        return flat.length() <= 80 ? flat : flat.substring(0, 60) + "…(" + flat.length() + ")";
    }
}
