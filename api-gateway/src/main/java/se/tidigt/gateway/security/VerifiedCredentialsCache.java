package se.tidigt.gateway.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic sends the password with every request; checking it with BCrypt each time capped a
 * prototype at ~25 requests/s on 2 cores. This remembers credentials that BCrypt has already
 * accepted, keyed by a SHA-256 of user and password (never the password itself), so only the first
 * request of a user pays. Failed attempts are never cached: guessing still costs a BCrypt each time.
 *
 * <p>The first check is single-flight: a dashboard opened right after a restart sends its requests
 * together, and each running its own BCrypt kept both cores busy for the first second. Requests with
 * the same fingerprint (same user, same password) that arrive while its check runs wait for that
 * check. Only an accepted check is shared with them; after a refusal each waiter runs its own check,
 * so a guess is never answered without BCrypt, and a different password is never a waiter at all.
 */
public final class VerifiedCredentialsCache implements AuthenticationProvider {
    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider verifier;
    private final Map<String, Authentication> verified = new ConcurrentHashMap<>();
    /** The check under way per fingerprint: completes with the accepted authentication, or null. */
    private final Map<String, CompletableFuture<Authentication>> checking = new ConcurrentHashMap<>();

    public VerifiedCredentialsCache(AuthenticationProvider verifier) {
        this.verifier = verifier;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String key = fingerprint(attempt.getName(), String.valueOf(attempt.getCredentials()));
        Authentication known = verified.get(key);
        if (known != null) {
            return known;
        }
        CompletableFuture<Authentication> mine = new CompletableFuture<>();
        CompletableFuture<Authentication> running = checking.putIfAbsent(key, mine);
        if (running != null) {
            Authentication accepted = running.join();
            return accepted != null ? accepted : verifier.authenticate(attempt);
        }
        Authentication result = null;
        try {
            result = verifier.authenticate(attempt);
            if (result != null && result.isAuthenticated()) {
                if (verified.size() >= MAX_ENTRIES) {
                    verified.clear();
                }
                verified.put(key, result);
            }
            return result;
        } finally {
            checking.remove(key, mine);
            mine.complete(result != null && result.isAuthenticated() ? result : null);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String fingerprint(String user, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((user + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
