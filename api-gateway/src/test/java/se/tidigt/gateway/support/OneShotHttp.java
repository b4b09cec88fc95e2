package se.tidigt.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One request on a connection of its own ({@code Connection: close}), for fault tests: Tomcat closes a
 * connection after a 503, and the JDK's pooled client can race that and see no answer at all, which
 * would say nothing about what the application answered.
 */
public final class OneShotHttp {
    private OneShotHttp() {
    }

    public record Answer(int status, String retryAfter, String contentType, String body) {
        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    /** As a demo user (password {@code demo}); {@code body} null for a GET. */
    public static Answer send(int port, String method, String path, String user, byte[] body) throws IOException {
        var connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(60_000);
        connection.setRequestProperty("Connection", "close");
        if (user != null) {
            connection.setRequestProperty("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (var out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        try {
            int status = connection.getResponseCode();
            InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(status, connection.getHeaderField("Retry-After"), connection.getContentType(), text);
        } finally {
            connection.disconnect();
        }
    }
}
