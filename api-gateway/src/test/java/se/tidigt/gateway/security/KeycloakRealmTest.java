package se.tidigt.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import se.tidigt.platform.actor.Role;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference realm in deploy/keycloak gives tokens this application understands: its roles are
 * Tidigt's, its mappers put the user name, {@code district}, {@code roles} and the API's audience in the
 * token, every scope a client asks for is declared (a realm that lists its scopes gets none of Keycloak's
 * defaults), and it holds no users. KeycloakTokensApiTest signs in at a real Keycloak with it.
 */
class KeycloakRealmTest {
    private static final Path REALM = Path.of("../deploy/keycloak/tidigt-realm.json");

    @Test
    void the_reference_realm_issues_the_roles_and_claims_the_application_reads() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(REALM.toFile());
        List<String> roles = new ArrayList<>();
        realm.at("/roles/realm").forEach(r -> roles.add(r.get("name").asText()));
        assertThat(roles).containsExactlyInAnyOrderElementsOf(Arrays.stream(Role.values()).map(Role::name).toList());

        List<String> claims = new ArrayList<>();
        realm.get("clientScopes").forEach(scope -> scope.path("protocolMappers")
                .forEach(m -> claims.add(m.at("/config/claim.name").asText())));
        assertThat(claims).as("the user name recorded on events, the district, the role").contains("preferred_username", "district", "roles");
        assertThat(realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0/config/kc.user.profile.config/0")
                .asText()).as("the user profile declares district, so the attribute survives import")
                .contains("\"name\": \"district\"");

        assertThat(realm.has("users")).as("the production realm holds no users: an operator adds them").isFalse();
        List<String> audiences = new ArrayList<>();
        List<String> scopes = new ArrayList<>();
        realm.get("clientScopes").forEach(scope -> {
            scopes.add(scope.get("name").asText());
            scope.path("protocolMappers").forEach(m -> audiences.add(m.at("/config/included.custom.audience").asText("")));
        });
        assertThat(audiences).as("the audience the API checks when SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES is set")
                .contains("tidigt-api");
        for (JsonNode client : realm.get("clients")) {
            client.get("defaultClientScopes").forEach(scope -> assertThat(scopes).as("a scope the realm declares").contains(scope.asText()));
        }
        assertThat(realm.at("/clients/0/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
    }
}
