package dev.herald.web.control;

import java.util.Optional;

/**
 * The page's Content-Security-Policy: scripts, styles, images and fonts from Herald itself only, no
 * inline code of any kind (no 'unsafe-inline', no eval), no plugins, no framing, and fetches to
 * Herald plus, with OpenID Connect, the issuer (its discovery document and token endpoint).
 */
public final class ContentSecurityPolicy {
  private ContentSecurityPolicy() {}

  public static String of(Optional<String> issuerOrigin) {
    return String.join(
        "; ",
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "manifest-src 'self'",
        "connect-src 'self'" + issuerOrigin.map(origin -> " " + origin).orElse(""),
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'");
  }
}
