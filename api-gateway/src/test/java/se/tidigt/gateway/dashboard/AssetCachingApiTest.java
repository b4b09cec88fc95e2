package se.tidigt.gateway.dashboard;

import org.junit.jupiter.api.Test;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.PageSession;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the browser may keep, over real HTTP: the pages' scripts and styles under content-hashed names
 * kept for a year without asking again, sent gzipped when asked; their plain names never kept for a
 * year; JSON answers gzipped; an unchanged answer revalidated by its ETag costs a 304 without a body.
 */
class AssetCachingApiTest extends ApiTest {
    private static final Pattern LINKED = Pattern.compile("(?:src|href)=\"(/(?:dashboard|webjars)/[^\"]+\\.(?:js|css))\"");
    private static final Pattern HASHED = Pattern.compile(".+-[0-9a-f]{32}\\.(?:js|css)");

    @Test
    void every_script_and_style_a_page_links_is_hashed_kept_for_a_year_as_immutable_and_sent_gzipped() throws IOException {
        PageSession visitor = new PageSession(port).signIn("analyst");
        List<String> assets = linked(visitor, "/");
        assertThat(assets).as("the city view links ECharts, its scripts and its style sheet")
                .anyMatch(a -> a.startsWith("/webjars/echarts/")).anyMatch(a -> a.startsWith("/dashboard/app-")).anyMatch(a -> a.endsWith(".css"));
        for (String asset : assets) {
            assertThat(asset).matches(HASHED);
            HttpResponse<byte[]> plain = visitor.get(asset);
            HttpResponse<byte[]> gzipped = visitor.get(asset, "Accept-Encoding", "gzip");
            assertThat(gzipped.statusCode()).isEqualTo(200);
            assertThat(gzipped.headers().firstValue("Cache-Control")).as(asset)
                    .hasValueSatisfying(c -> assertThat(c).contains("max-age=31536000").contains("public").contains("immutable"));
            assertThat(gzipped.headers().firstValue("Content-Encoding")).as(asset).hasValue("gzip");
            assertThat(gunzip(gzipped.body())).as("%s unpacked", asset).isEqualTo(plain.body());
            assertThat(plain.headers().firstValue("Content-Encoding")).as("not asked for gzip").isEmpty();
        }
    }

    @Test
    void a_script_or_style_under_its_plain_name_is_asked_for_again_every_time() {
        PageSession visitor = new PageSession(port);
        for (String asset : List.of("/dashboard/app.js", "/dashboard/dashboard.css", "/webjars/echarts/5.3.1/dist/echarts.min.js")) {
            HttpResponse<byte[]> answer = visitor.get(asset);
            assertThat(answer.statusCode()).as(asset).isEqualTo(200);
            String cacheControl = answer.headers().firstValue("Cache-Control").orElse("");
            assertThat(cacheControl).as(asset).contains("no-cache").doesNotContain("max-age=31536000").doesNotContain("immutable");
            String modified = answer.headers().firstValue("Last-Modified").orElseThrow();
            assertThat(visitor.get(asset, "If-Modified-Since", modified).statusCode()).as("%s unchanged", asset).isEqualTo(304);
        }
    }

    @Test
    void a_hashed_script_asked_for_again_with_its_etag_costs_a_304_without_a_body() {
        PageSession visitor = new PageSession(port);
        String script = linked(visitor, "/login").stream().filter(a -> a.endsWith(".js")).findFirst().orElseThrow();
        String etag = visitor.get(script).headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = visitor.get(script, "If-None-Match", etag, "Accept-Encoding", "gzip");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void a_json_answer_is_sent_gzipped_when_asked() throws IOException {
        PageSession visitor = new PageSession(port).signIn("analyst");
        HttpResponse<byte[]> plain = visitor.get("/api/v1/districts", "Accept", "application/json");
        HttpResponse<byte[]> gzipped = visitor.get("/api/v1/districts", "Accept", "application/json", "Accept-Encoding", "gzip");
        assertThat(plain.body().length).as("larger than the smallest answer compressed (1 KB)").isGreaterThan(1024);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
        assertThat(gzipped.body().length).isLessThan(plain.body().length);
    }

    @Test
    void an_unchanged_json_answer_revalidated_by_its_etag_costs_a_304_without_a_body() {
        PageSession visitor = new PageSession(port).signIn("analyst");
        for (String path : List.of("/api/v1/districts", "/api/v1/stats/city?groupBy=workModel&from=2019-01&to=2024-12")) {
            HttpResponse<byte[]> first = visitor.get(path, "Accept", "application/json", "Accept-Encoding", "gzip");
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertThat(first.headers().firstValue("Cache-Control")).as(path).hasValue("private, no-cache");
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<byte[]> again = visitor.get(path, "Accept", "application/json", "Accept-Encoding", "gzip", "If-None-Match", etag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).as(path).isEmpty();
        }
    }

    @Test
    void every_page_is_served_whole_with_the_shared_head_and_its_own_scripts() {
        Map<String, String> pageAndUser = Map.of("/", "analyst", "/spread", "analyst", "/audit", "auditor",
                "/district", "hv-worker", "/login", "");
        pageAndUser.forEach((page, user) -> {
            PageSession visitor = user.isEmpty() ? new PageSession(port) : new PageSession(port).signIn(user);
            String html = new String(visitor.get(page, "Accept", "text/html").body(), StandardCharsets.UTF_8);
            assertThat(html).as(page).startsWith("<!doctype html>\n<html lang=\"sv\">\n<head>\n  <meta charset=\"utf-8\">")
                    .doesNotContain("{{").containsOnlyOnce("<head>").containsOnlyOnce("<title>Tidigt</title>");
            assertThat(linked(visitor, page)).as(page).anyMatch(a -> a.startsWith("/dashboard/dashboard-"))
                    .anyMatch(a -> a.startsWith("/dashboard/i18n-"));
        });
    }

    private static List<String> linked(PageSession visitor, String page) {
        Matcher m = LINKED.matcher(new String(visitor.get(page, "Accept", "text/html").body(), StandardCharsets.UTF_8));
        return m.results().map(r -> r.group(1)).toList();
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
