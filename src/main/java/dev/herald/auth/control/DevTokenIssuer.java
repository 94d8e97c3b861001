package dev.herald.auth.control;

import dev.herald.platform.DevelopmentMode;
import dev.herald.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Mints tokens for any user name, for local development only: only while {@link DevelopmentMode} is
 * on (the switch and the key file herald.dev.token-key, both set by the run and test commands
 * only); otherwise every call is a 404. Tokens carry the audience the server requires.
 */
@ApplicationScoped
public class DevTokenIssuer {
  @Inject DevelopmentMode mode;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  Optional<String> issuer;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.audiences")
  Optional<List<String>> audiences;

  @Inject Clock clock;

  public String issue(String user, List<String> groups, Duration lifetime) {
    if (!mode.enabled()) {
      throw ProblemException.notFound();
    }
    JwtClaims claims = new JwtClaims();
    issuer.ifPresent(claims::setIssuer); // required at start (RequiredSettings)
    claims.setSubject(user);
    claims.setClaim("upn", user);
    claims.setStringListClaim("groups", groups);
    audiences.ifPresent(claims::setAudience);
    long now = clock.instant().getEpochSecond();
    claims.setIssuedAt(NumericDate.fromSeconds(now));
    claims.setExpirationTime(NumericDate.fromSeconds(now + lifetime.toSeconds()));
    claims.setJwtId(UUID.randomUUID().toString());
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "JWT");
    try {
      jws.setKey(privateKey());
      return jws.getCompactSerialization();
    } catch (JoseException | IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "Cannot sign a dev token with " + mode.keyFile().orElse(""), e);
    }
  }

  private PrivateKey privateKey() throws IOException, GeneralSecurityException {
    String pem = Files.readString(Path.of(mode.keyFile().orElseThrow()));
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }
}
