package se.tidigt.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static se.tidigt.gateway.support.KeycloakAdmin.exchange;
import static se.tidigt.gateway.support.KeycloakAdmin.expect;
import static se.tidigt.gateway.support.KeycloakAdmin.form;
import static se.tidigt.gateway.support.KeycloakAdmin.json;

/**
 * Tokens as the realm's {@code tidigt-dashboard} client gets them: the authorization code flow with PKCE,
 * the user's name and password typed into Keycloak's own sign-in form (over HTTP, without a browser), the
 * code redeemed with the verifier. No password grant: the shipped client does not allow one, and the
 * tests use the client as it ships.
 */
public final class KeycloakSignIn {
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakServer keycloak;
    private final String redirectUri;

    /** Signs in through the dashboard client, whose allowed redirects include {@code applicationBase} ({@link KeycloakAdmin#allowApplicationAt}). */
    public KeycloakSignIn(KeycloakServer keycloak, String applicationBase) {
        this.keycloak = keycloak;
        this.redirectUri = applicationBase + "/login/oauth2/code/tidigt";
    }

    /** What the token endpoint answered. */
    public record Tokens(String accessToken, String refreshToken, String idToken, long expiresIn) {
        /** The access token's claims, as the application will read them (decoded, not verified: the application verifies). */
        public JsonNode accessClaims() {
            String payload = accessToken.split("\\.")[1];
            try {
                return Api.JSON.readTree(Base64.getUrlDecoder().decode(payload));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public Tokens as(KeycloakAdmin.User user) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new LoopbackCookies()).build();
        String verifier = randomUrlSafe(32);
        String state = UUID.randomUUID().toString();
        String authorize = UriComponentsBuilder.fromUriString(keycloak.issuer() + "/protocol/openid-connect/auth")
                .queryParam("client_id", KeycloakAdmin.DASHBOARD_CLIENT).queryParam("response_type", "code")
                .queryParam("scope", encoded("openid profile")).queryParam("redirect_uri", encoded(redirectUri))
                .queryParam("state", state).queryParam("nonce", UUID.randomUUID().toString())
                .queryParam("code_challenge", s256(verifier)).queryParam("code_challenge_method", "S256").build(true).toUriString();
        HttpResponse<String> page = send(browser, HttpRequest.newBuilder(URI.create(authorize)).GET().build());
        Matcher action = FORM_ACTION.matcher(expect(page, 200).body());
        if (!action.find()) {
            throw new IllegalStateException("No sign-in form on Keycloak's page: " + page.body());
        }
        HttpResponse<String> signedIn = send(browser, HttpRequest.newBuilder(URI.create(HtmlUtils.htmlUnescape(action.group(1))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user.username(), "password", user.password(),
                        "credentialId", "")))).build());
        String back = expect(signedIn, 302).headers().firstValue("Location").orElseThrow();
        Map<String, String> answer = UriComponentsBuilder.fromUriString(back).build().getQueryParams().toSingleValueMap();
        if (!back.startsWith(redirectUri) || !state.equals(answer.get("state"))) {
            throw new IllegalStateException("Keycloak sent the browser elsewhere: " + back);
        }
        return tokens(Map.of("grant_type", "authorization_code", "code", answer.get("code"), "redirect_uri", redirectUri,
                "client_id", KeycloakAdmin.DASHBOARD_CLIENT, "code_verifier", verifier));
    }

    /** New tokens for a refresh token, as the client would ask once its access token expired. */
    public Tokens refresh(Tokens tokens) {
        return tokens(Map.of("grant_type", "refresh_token", "refresh_token", tokens.refreshToken(),
                "client_id", KeycloakAdmin.DASHBOARD_CLIENT));
    }

    private Tokens tokens(Map<String, String> grant) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(grant))).build();
        JsonNode body = json(expect(exchange(request), 200));
        return new Tokens(body.get("access_token").asText(), body.path("refresh_token").asText(null),
                body.path("id_token").asText(null), body.get("expires_in").asLong());
    }

    /**
     * A browser's cookie jar, as Chromium keeps one for a loopback address: Keycloak marks its sign-in cookies
     * {@code Secure}, and loopback counts as a secure origin, so they go back over {@code http://127.0.0.1}
     * too (Java's {@link CookieManager} sends {@code Secure} cookies over https only).
     */
    private static final class LoopbackCookies extends CookieManager {
        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            boolean loopback = "http".equals(uri.getScheme()) && InetAddress.getByName(uri.getHost()).isLoopbackAddress();
            try {
                return super.get(loopback ? new URI("https", uri.getAuthority(), uri.getPath(), null, null) : uri, headers);
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
    }

    private static HttpResponse<String> send(HttpClient browser, HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
