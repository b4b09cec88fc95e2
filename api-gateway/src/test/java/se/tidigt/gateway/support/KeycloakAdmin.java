package se.tidigt.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keycloak's admin REST API, as an operator uses it on the production realm: users with a realm role
 * (and a district for the district roles), and the application's own address added to the dashboard
 * client's allowed redirects. Plain HTTP with JSON: five calls do not warrant Keycloak's admin client
 * and the RESTEasy it brings onto the test class path.
 */
public final class KeycloakAdmin {
    public static final String DASHBOARD_CLIENT = "tidigt-dashboard";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final String user;
    private final String password;

    KeycloakAdmin(String base, String user, String password) {
        this.base = base;
        this.user = user;
        this.password = password;
    }

    /** A user of the realm with its credentials: synthetic, made for one test. */
    public record User(String username, String password) {
    }

    /**
     * A new enabled user with a password that meets the realm's policy (12 characters, not the user name),
     * the realm role {@code role} and, when given, the {@code district} attribute.
     */
    public User createUser(String usernamePrefix, String role, String district) {
        String username = usernamePrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "synthetic-" + UUID.randomUUID();
        ObjectNode body = Api.JSON.createObjectNode().put("username", username).put("enabled", true)
                .put("emailVerified", true).put("firstName", usernamePrefix).put("lastName", "(synthetic)");
        if (district != null) {
            body.putObject("attributes").putArray("district").add(district);
        }
        body.putArray("credentials").addObject().put("type", "password").put("value", secret).put("temporary", false);
        HttpResponse<String> created = send("POST", "/users", body.toString());
        expect(created, 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        if (role != null) {
            JsonNode realmRole = json(expect(send("GET", "/roles/" + role, null), 200));
            expect(send("POST", "/users/" + id + "/role-mappings/realm", "[" + realmRole + "]"), 204);
        }
        return new User(username, secret);
    }

    /**
     * Lets the dashboard client send browsers back to the application at {@code baseUrl} after sign-in and
     * sign-out, beside the addresses the realm ships with: what a deployment does for its own address.
     */
    public void allowApplicationAt(String baseUrl) {
        ObjectNode client = (ObjectNode) json(expect(send("GET", "/clients?clientId=" + DASHBOARD_CLIENT, null), 200)).get(0);
        ArrayNode redirects = (ArrayNode) client.get("redirectUris");
        redirects.add(baseUrl + "/login/oauth2/code/*");
        ObjectNode attributes = (ObjectNode) client.get("attributes");
        List<String> afterSignOut = new ArrayList<>(List.of(attributes.path("post.logout.redirect.uris").asText("").split("##")));
        afterSignOut.add(baseUrl + "/*");
        attributes.put("post.logout.redirect.uris", String.join("##", afterSignOut));
        expect(send("PUT", "/clients/" + client.get("id").asText(), client.toString()), 204);
    }

    /** The user's active sessions in Keycloak (single sign-on sessions). */
    public int sessionsOf(String username) {
        JsonNode found = json(expect(send("GET", "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8), null), 200));
        return json(expect(send("GET", "/users/" + found.get(0).get("id").asText() + "/sessions", null), 200)).size();
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/admin/realms/" + KeycloakServer.REALM + path))
                .header("Authorization", "Bearer " + adminToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return exchange(request.build());
    }

    /** A fresh token of the bootstrap admin, from the master realm's admin-cli client (Keycloak's own tooling way). */
    public String adminToken() {
        String form = form(Map.of("grant_type", "password", "client_id", "admin-cli", "username", user, "password", password));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return json(expect(exchange(request), 200)).get("access_token").asText();
    }

    static String form(Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " → " + response.statusCode()
                    + " (expected " + status + "): " + response.body());
        }
        return response;
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Api.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + response.body(), e);
        }
    }
}
