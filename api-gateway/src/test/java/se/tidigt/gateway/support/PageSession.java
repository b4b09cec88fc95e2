package se.tidigt.gateway.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session over plain HTTP: signs in through the sign-in page's form (with its CSRF token)
 * and keeps the session cookie; answers are read as bytes, as sent (nothing decompressed).
 */
public final class PageSession {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;

    public PageSession(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Signs in as a demo user (password demo); fails unless the form sends the visitor on. */
    public PageSession signIn(String user) {
        Matcher token = CSRF.matcher(new String(get("/login").body(), StandardCharsets.UTF_8));
        if (!token.find()) {
            throw new AssertionError("no CSRF token in the sign-in form");
        }
        String form = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<byte[]> answer = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("sign-in as " + user + " refused: " + answer.statusCode());
        }
        return this;
    }

    /** GET with the given header names and values, in pairs. */
    public HttpResponse<byte[]> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
