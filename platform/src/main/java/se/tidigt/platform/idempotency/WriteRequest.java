package se.tidigt.platform.idempotency;

import jakarta.servlet.http.HttpServletRequest;

/** The parts of an HTTP write that decide its idempotency: where, which version it expects, the key, the body. */
public record WriteRequest(String method, String path, String ifMatch, String idempotencyKey, Object body) {

    public static WriteRequest of(HttpServletRequest http, Object body) {
        return new WriteRequest(http.getMethod(), http.getRequestURI(), http.getHeader("If-Match"),
                http.getHeader("Idempotency-Key"), body);
    }

    IdempotentWrites.RequestFingerprint fingerprint() {
        return new IdempotentWrites.RequestFingerprint(method, path, ifMatch, body);
    }
}
