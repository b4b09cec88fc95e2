package se.tidigt.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 written byte for byte on a socket of its own, for requests no HTTP client would send:
 * duplicated or huge headers, a Content-Length that lies, any method, any bytes in the path.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** The answer as received: status, the header block (lower case) and the body as sent (chunked or not). */
    public record Answer(int status, String headers, String body) {
        public String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip())
                    .findFirst().orElse(null);
        }

        public boolean isProblem() {
            String type = header("content-type");
            return type != null && type.startsWith("application/problem+json");
        }
    }

    /**
     * Sends the request and reads until the server closes. {@code halfClose}: end the sending side
     * after the request, so a server waiting for more body than was sent sees its end at once.
     */
    public static Answer exchange(int port, byte[] request, boolean halfClose) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (SocketException e) {
                // The server answered and closed before taking all of it (a refused huge request): read its answer.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                in.transferTo(answer);
            } catch (SocketException e) {
                // Reset after the answer: what arrived is the answer.
            }
            String text = answer.toString(StandardCharsets.UTF_8);
            // Interim answers (100 Continue to an Expect header) come before the final one: skip them.
            while (text.matches("(?s)HTTP/1\\.1 1\\d\\d .*") && text.contains("\r\n\r\n")) {
                text = text.substring(text.indexOf("\r\n\r\n") + 4);
            }
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String[] statusLine = head.lines().findFirst().orElse("").split(" ");
            int status = statusLine.length > 1 && statusLine[1].matches("\\d{3}") ? Integer.parseInt(statusLine[1]) : -1;
            String headers = head.lines().skip(1).map(l -> l.toLowerCase(Locale.ROOT)).reduce("", (a, b) -> a + b + "\n");
            return new Answer(status, headers, end < 0 ? "" : text.substring(end + 4));
        }
    }
}
