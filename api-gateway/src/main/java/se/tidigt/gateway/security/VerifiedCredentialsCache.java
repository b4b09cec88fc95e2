package se.tidigt.gateway.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic sends the password with every request; checking it with BCrypt each time capped a
 * prototype at ~25 requests/s on 2 cores. This remembers credentials that BCrypt has already
 * accepted, keyed by a SHA-256 of user and password (never the password itself), so only the first
 * request of a user pays. Failed attempts are never cached: guessing still costs a BCrypt each time.
 */
public final class VerifiedCredentialsCache implements AuthenticationProvider {
    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider verifier;
    private final Map<String, Authentication> verified = new ConcurrentHashMap<>();

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
        Authentication result = verifier.authenticate(attempt);
        if (result != null && result.isAuthenticated()) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(key, result);
        }
        return result;
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
