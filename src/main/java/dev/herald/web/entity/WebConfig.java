package dev.herald.web.entity;

/**
 * How the page signs users in: {@code dev} (a user name, tokens from {@code POST /api/dev/tokens})
 * or {@code oidc} (authorization code with PKCE against {@code issuer}, as the public client {@code
 * clientId} asking for {@code scope}). The OIDC fields are absent in dev mode; {@code devAlerts}
 * (dev mode only, when configured) is the page of the run command's mail and SMS sinks.
 */
public record WebConfig(
    String signIn, String issuer, String clientId, String scope, String devAlerts) {
  public static final String DEV = "dev";
  public static final String OIDC = "oidc";

  public static WebConfig dev(String devAlerts) {
    return new WebConfig(DEV, null, null, null, devAlerts);
  }

  public static WebConfig oidc(String issuer, String clientId, String scope) {
    return new WebConfig(OIDC, issuer, clientId, scope, null);
  }
}
