package dev.herald.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start without a token audience (mp.jwt.verify.audiences, "herald" by default): without
 * one, any token the identity provider issued for another of its services would be accepted here.
 * Setting the variable to empty is not a way out.
 */
@ApplicationScoped
public class TokenAudience {
  @Inject
  @ConfigProperty(name = "mp.jwt.verify.audiences")
  Optional<List<String>> audiences;

  void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (missing(audiences)) {
      throw new IllegalStateException(
          "No token audience: set MP_JWT_VERIFY_AUDIENCES (mp.jwt.verify.audiences) to the"
              + " audience your identity provider puts in Herald's tokens, e.g. herald");
    }
  }

  static boolean missing(Optional<List<String>> audiences) {
    return audiences.stream().flatMap(List::stream).allMatch(String::isBlank);
  }
}
