package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class RolesTest {
  static JsonWebToken token(Map<String, Object> claims) {
    return new JsonWebToken() {
      @Override
      public String getName() {
        return "alice";
      }

      @Override
      public Set<String> getClaimNames() {
        return claims.keySet();
      }

      @Override
      @SuppressWarnings("unchecked")
      public <T> T getClaim(String name) {
        return (T) claims.get(name);
      }
    };
  }

  final Roles defaults = new Roles("groups", "herald-admin", "herald-auditor");

  @Test
  void grantsRolesForHeraldsOwnGroupNamesByDefault() {
    JsonWebToken token = token(Map.of("groups", Set.of("herald-admin", "staff")));

    assertThat(defaults.grants(token, Roles.ADMIN)).isTrue();
    assertThat(defaults.grants(token, Roles.AUDITOR)).isFalse();
  }

  @Test
  void grantsNothingForAGenericAdminGroup() {
    JsonWebToken token = token(Map.of("groups", Set.of("admin", "auditor")));

    assertThat(defaults.grants(token, Roles.ADMIN)).isFalse();
    assertThat(defaults.grants(token, Roles.AUDITOR)).isFalse();
  }

  @Test
  void readsTheConfiguredClaimAndGroupNames() {
    Roles roles = new Roles("roles", "ops", "compliance");
    JsonWebToken token =
        token(
            Map.of(
                "groups", Set.of("herald-admin"),
                "roles", Json.createArrayBuilder().add("compliance").build()));

    assertThat(roles.grants(token, Roles.AUDITOR)).isTrue();
    assertThat(roles.grants(token, Roles.ADMIN)).isFalse();
  }

  @Test
  void followsADottedPathIntoTheToken() {
    Roles roles = new Roles("realm_access.roles", "herald-admin", "herald-auditor");
    JsonWebToken token =
        token(
            Map.of(
                "realm_access",
                Json.createObjectBuilder()
                    .add("roles", Json.createArrayBuilder().add("herald-auditor"))
                    .build()));

    assertThat(roles.grants(token, Roles.AUDITOR)).isTrue();
  }

  @Test
  void grantsNothingWhenTheClaimIsMissingOrNotNames() {
    Roles roles = new Roles("realm_access.roles", "herald-admin", "herald-auditor");

    assertThat(roles.grants(token(Map.of()), Roles.ADMIN)).isFalse();
    assertThat(roles.grants(token(Map.of("realm_access", "herald-admin")), Roles.ADMIN)).isFalse();
    assertThat(defaults.grants(token(Map.of("groups", 42)), Roles.ADMIN)).isFalse();
  }
}
