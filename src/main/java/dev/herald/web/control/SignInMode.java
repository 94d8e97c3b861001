package dev.herald.web.control;

import dev.herald.platform.DevelopmentMode;
import dev.herald.web.entity.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides how the page signs users in: with dev tokens wherever development mode is on, otherwise
 * with OpenID Connect against the configured issuer (by default the issuer whose tokens the API
 * accepts, mp.jwt.verify.issuer).
 */
@ApplicationScoped
public class SignInMode {
  @Inject DevelopmentMode development;

  @Inject
  @ConfigProperty(name = "herald.web.oidc.issuer")
  Optional<String> issuer;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  Optional<String> tokenIssuer;

  @Inject
  @ConfigProperty(name = "herald.web.oidc.client-id", defaultValue = "herald-web")
  String clientId;

  @Inject
  @ConfigProperty(name = "herald.web.oidc.scope", defaultValue = "openid")
  String scope;

  /** The run command sets it (pom.xml HERALD_DEV_ALERTS_URL): where DevSinks shows alerts. */
  @Inject
  @ConfigProperty(name = "herald.dev.alerts-url")
  Optional<String> devAlerts;

  public WebConfig config() {
    if (development.enabled()) {
      return WebConfig.dev(devAlerts.filter(url -> !url.isBlank()).orElse(null));
    }
    return WebConfig.oidc(oidcIssuer().orElse(null), clientId, scope);
  }

  /** herald.web.oidc.issuer, else the API's token issuer when that is a URL (it is for OIDC). */
  Optional<String> oidcIssuer() {
    return issuer
        .or(() -> tokenIssuer)
        .map(String::trim)
        .filter(url -> origin(url).isPresent())
        .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
  }

  /**
   * The issuer's origin (scheme, host, port), which the page must be allowed to fetch from (its
   * discovery document and token endpoint); empty in dev mode or without a valid issuer URL.
   */
  public Optional<String> issuerOrigin() {
    if (development.enabled()) {
      return Optional.empty();
    }
    return oidcIssuer().flatMap(SignInMode::origin);
  }

  static Optional<String> origin(String url) {
    try {
      URI uri = URI.create(url.trim());
      String scheme = uri.getScheme();
      if (uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
        return Optional.empty();
      }
      return Optional.of(
          scheme + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
