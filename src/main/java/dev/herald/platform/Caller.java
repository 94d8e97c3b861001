package dev.herald.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authenticated user of the current request: the bearer token's subject, and the roles its
 * groups grant ({@link Roles}).
 */
@RequestScoped
public class Caller {
  @Inject JsonWebToken token;
  @Inject Roles roles;

  public String name() {
    String subject = token.getSubject();
    if (subject == null || !UserNames.isValid(subject)) {
      throw new ProblemException(
          ProblemType.UNAUTHENTICATED, "The token's subject is not a valid user name.");
    }
    return subject;
  }

  /** When the caller's token expires: what lives on it (a stream) ends then. */
  public Instant expiresAt() {
    return Instant.ofEpochSecond(token.getExpirationTime());
  }

  public boolean hasRole(String role) {
    return roles.grants(token, role);
  }

  /** The caller's name, if their token grants {@code role}; else 403. */
  public String withRole(String role) {
    String name = name();
    if (!hasRole(role)) {
      throw new ProblemException(ProblemType.FORBIDDEN, "This needs the role '" + role + "'.");
    }
    return name;
  }
}
