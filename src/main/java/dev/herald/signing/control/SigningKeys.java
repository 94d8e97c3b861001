package dev.herald.signing.control;

import dev.herald.platform.DevelopmentMode;
import dev.herald.signing.entity.SigningKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The record signing keys from configuration: the current one (signs and verifies) and, during a
 * rotation, the previous one (verifies only). Checked at start-up: Herald does not start without a
 * current key, nor with one of the published development keys (secrets starting with {@value
 * #DEVELOPMENT_PREFIX}) outside development mode ({@link DevelopmentMode}, which only the run and
 * test commands switch on): one switch for every development convenience.
 */
@ApplicationScoped
public class SigningKeys {
  private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
  static final String DEVELOPMENT_PREFIX = "development-only-";
  static final int MIN_SECRET_BYTES = 32;

  @Inject
  @ConfigProperty(name = "herald.signing.key-id")
  Optional<String> keyId;

  @Inject
  @ConfigProperty(name = "herald.signing.secret")
  Optional<String> secret;

  @Inject
  @ConfigProperty(name = "herald.signing.previous-key-id")
  Optional<String> previousKeyId;

  @Inject
  @ConfigProperty(name = "herald.signing.previous-secret")
  Optional<String> previousSecret;

  @Inject DevelopmentMode developmentMode;

  private boolean development;

  private SigningKey current;
  private Optional<SigningKey> previous;

  /** Keys outside CDI (unit tests). */
  public static SigningKeys of(
      String keyId, String secret, String previousKeyId, String previousSecret, boolean dev) {
    SigningKeys keys = new SigningKeys();
    keys.keyId = Optional.ofNullable(keyId);
    keys.secret = Optional.ofNullable(secret);
    keys.previousKeyId = Optional.ofNullable(previousKeyId);
    keys.previousSecret = Optional.ofNullable(previousSecret);
    keys.development = dev;
    keys.load();
    return keys;
  }

  /** Fails the start-up, naming the setting, rather than run unable to sign or verify. */
  void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
    current();
  }

  @PostConstruct
  void configured() {
    development = developmentMode.enabled();
    load();
  }

  private void load() {
    current =
        key("HERALD_SIGNING_KEY_ID", keyId, "HERALD_SIGNING_SECRET", secret)
            .orElseThrow(
                () ->
                    refuse(
                        "HERALD_SIGNING_KEY_ID and HERALD_SIGNING_SECRET (herald.signing.key-id,"
                            + " herald.signing.secret) are not set: Herald signs every record it publishes to"
                            + " Kafka and stores only records signed with its keys"));
    previous =
        key(
            "HERALD_SIGNING_PREVIOUS_KEY_ID",
            previousKeyId,
            "HERALD_SIGNING_PREVIOUS_SECRET",
            previousSecret);
    if (previous.isPresent() && previous.get().id().equals(current.id())) {
      throw refuse("HERALD_SIGNING_PREVIOUS_KEY_ID must differ from HERALD_SIGNING_KEY_ID");
    }
  }

  public SigningKey current() {
    return current;
  }

  /** The key a record names, if it is one this instance accepts. */
  public Optional<SigningKey> accepted(String id) {
    if (current.id().equals(id)) {
      return Optional.of(current);
    }
    return previous.filter(p -> p.id().equals(id));
  }

  private Optional<SigningKey> key(
      String idName, Optional<String> id, String secretName, Optional<String> value) {
    Optional<String> givenId = id.map(String::strip).filter(s -> !s.isEmpty());
    Optional<String> givenSecret = value.filter(s -> !s.isBlank());
    if (givenId.isEmpty() && givenSecret.isEmpty()) {
      return Optional.empty();
    }
    if (givenId.isEmpty() || givenSecret.isEmpty()) {
      throw refuse(idName + " and " + secretName + " must be set together");
    }
    if (!SigningKey.ID.matcher(givenId.get()).matches()) {
      throw refuse(idName + " must be 1 to 64 of A-Z a-z 0-9 . _ -");
    }
    byte[] bytes = givenSecret.get().getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_SECRET_BYTES) {
      throw refuse(secretName + " must be at least " + MIN_SECRET_BYTES + " bytes");
    }
    if (givenSecret.get().startsWith(DEVELOPMENT_PREFIX) && !development) {
      throw refuse(
          secretName
              + " is a published development key; set a secret of your own (only development"
              + " mode, which the run and test commands switch on, accepts it)");
    }
    return Optional.of(new SigningKey(givenId.get(), bytes));
  }

  private static IllegalStateException refuse(String why) {
    LOG.severe("Record signing is not configured: " + why);
    return new IllegalStateException(why);
  }
}
