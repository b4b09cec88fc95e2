package se.tidigt.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference realm in deploy/keycloak gives tokens this application understands: its roles are
 * Tidigt's five, its mappers put {@code district} and {@code roles} in the token, and each of its test
 * users, read as such a token, becomes an actor who may act (a district role with a district).
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
        assertThat(claims).contains("district", "roles");
        assertThat(realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0/config/kc.user.profile.config/0")
                .asText()).as("the user profile declares district, so the attribute survives import")
                .contains("\"name\": \"district\"");

        for (JsonNode user : realm.get("users")) {
            Jwt token = Jwt.withTokenValue("t").header("alg", "RS256")
                    .claim("preferred_username", user.get("username").asText())
                    .claim("roles", List.of(user.at("/realmRoles/0").asText()))
                    .claim("district", user.at("/attributes/district/0").asText(""))
                    .build();
            Actor actor = ((ActorPrincipal) new TokenActors().convert(token).getPrincipal()).actor();
            assertThat(actor.role()).as(user.toString()).isNotNull();
            assertThat(actor.role().isDistrictBound()).isEqualTo(actor.district() != null);
        }
        assertThat(realm.at("/clients/0/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
    }
}
