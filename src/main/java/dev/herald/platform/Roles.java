package dev.herald.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Maps a token's groups to Herald's roles ({@value #ADMIN}, {@value #AUDITOR}). Which claim holds
 * the groups (a dotted path reaches into objects, e.g. {@code realm_access.roles}) and which group
 * names grant each role are configuration; the defaults are Herald's own names ({@code
 * herald-admin}, {@code herald-auditor}), so that an identity provider's generic {@code admin}
 * group never grants Herald's admin role unless an operator says so.
 */
@ApplicationScoped
public class Roles {
  public static final String ADMIN = "admin";
  public static final String AUDITOR = "auditor";

  @Inject
  @ConfigProperty(name = "herald.auth.roles-claim", defaultValue = "groups")
  String claim;

  @Inject
  @ConfigProperty(name = "herald.auth.admin-group", defaultValue = "herald-admin")
  String adminGroup;

  @Inject
  @ConfigProperty(name = "herald.auth.auditor-group", defaultValue = "herald-auditor")
  String auditorGroup;

  /** For CDI. */
  public Roles() {}

  /** Outside a container (tests). */
  public Roles(String claim, String adminGroup, String auditorGroup) {
    this.claim = claim;
    this.adminGroup = adminGroup;
    this.auditorGroup = auditorGroup;
  }

  public boolean grants(JsonWebToken token, String role) {
    String group =
        switch (role) {
          case ADMIN -> adminGroup;
          case AUDITOR -> auditorGroup;
          default -> throw new IllegalArgumentException("not a Herald role: " + role);
        };
    return groups(token).contains(group);
  }

  /** The group names in the configured claim; none if it is missing or not strings. */
  Set<String> groups(JsonWebToken token) {
    String[] path = claim.split("\\.");
    Object value = token.getClaim(path[0]);
    for (int i = 1; i < path.length && value != null; i++) {
      value = member(value, path[i]);
    }
    return names(value);
  }

  private static Object member(Object value, String name) {
    if (value instanceof JsonObject object) {
      return object.get(name);
    }
    return value instanceof Map<?, ?> map ? map.get(name) : null;
  }

  private static Set<String> names(Object value) {
    if (value instanceof JsonArray array) {
      return names(array.stream().toList());
    }
    if (value instanceof Collection<?> values) {
      return values.stream()
          .map(Roles::name)
          .filter(name -> name != null)
          .collect(Collectors.toUnmodifiableSet());
    }
    String single = name(value);
    return single == null ? Set.of() : Set.of(single);
  }

  private static String name(Object value) {
    if (value instanceof JsonString string) {
      return string.getString();
    }
    return value instanceof String string ? string : null;
  }
}
