package dev.herald.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether Herald runs in development mode: the development endpoints exist and the published
 * development signing keys are accepted (SigningKeys). Two settings must agree, so that no single
 * stray variable in a production environment switches them on: the explicit switch
 * (HERALD_DEV_ENDPOINTS=true) and the dev token key (HERALD_DEV_TOKEN_KEY). Only the run and test
 * commands set both. Every start with them on says so in a WARNING naming what it allows.
 */
@ApplicationScoped
public class DevelopmentMode {
  static final String ENDPOINTS =
      "POST /api/dev/tokens (a token for any user and role), GET and PUT /api/dev/clock,"
          + " POST /api/dev/noop-send, the web page's dev sign-in (any user name), and the published"
          + " development record signing keys";
  private static final Logger LOG = Logger.getLogger(DevelopmentMode.class.getName());

  @Inject
  @ConfigProperty(name = "herald.dev.endpoints", defaultValue = "false")
  boolean switchedOn;

  @Inject
  @ConfigProperty(name = "herald.dev.token-key")
  Optional<String> keyFile;

  /** For CDI. */
  public DevelopmentMode() {}

  /** Outside a container (tests): the switch and the key file as given. */
  public DevelopmentMode(boolean switchedOn, Optional<String> keyFile) {
    this.switchedOn = switchedOn;
    this.keyFile = keyFile;
  }

  public boolean enabled() {
    return switchedOn && keyFile().isPresent();
  }

  /** The dev token key file, when one is configured (whether or not the endpoints are on). */
  public Optional<String> keyFile() {
    return keyFile.filter(file -> !file.isBlank());
  }

  void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (enabled()) {
      LOG.warning(
          "DEVELOPMENT ENDPOINTS ARE ON: "
              + ENDPOINTS
              + ". Anyone who reaches this server can act as any user. Never run it so in"
              + " production: unset HERALD_DEV_ENDPOINTS and HERALD_DEV_TOKEN_KEY.");
    } else if (switchedOn || keyFile().isPresent()) {
      LOG.warning(
          "Development endpoints stay off: they need both HERALD_DEV_ENDPOINTS=true and"
              + " HERALD_DEV_TOKEN_KEY, and only "
              + (switchedOn ? "HERALD_DEV_ENDPOINTS" : "HERALD_DEV_TOKEN_KEY")
              + " is set.");
    }
  }
}
