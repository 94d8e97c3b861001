package dev.herald.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Forges bearer tokens the way an attacker or a broken client would: claims as the dev token issuer
 * writes them (see DevTokenIssuer), then signed with the dev key, with another key, or not at all.
 * The dev key is the PKCS#8 PEM named by the system property {@value #PRIVATE_KEY}.
 */
public final class Tokens {
  public static final String PRIVATE_KEY = "herald.it.jwt.private-key";
  public static final String ISSUER = "herald-dev";

  /** The audience the server requires (mp.jwt.verify.audiences). */
  public static final String AUDIENCE = "herald";

  private static PrivateKey devKey;
  private static PrivateKey otherKey;

  private Tokens() {}

  /**
   * The claims of a token that is valid for the next hour: iss, aud, sub, upn, groups, iat, exp,
   * jti.
   */
  public static JwtClaims claims(String user, List<String> groups) {
    long now = Instant.now().getEpochSecond();
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setAudience(AUDIENCE);
    claims.setSubject(user);
    claims.setClaim("upn", user);
    claims.setStringListClaim("groups", groups);
    claims.setIssuedAt(NumericDate.fromSeconds(now));
    claims.setExpirationTime(NumericDate.fromSeconds(now + 3600));
    claims.setJwtId(UUID.randomUUID().toString());
    return claims;
  }

  /** Signed with the dev key: what the server accepts, if the claims are right. */
  public static String signed(JwtClaims claims) {
    return signedBy(devKey(), claims);
  }

  public static String signedBy(PrivateKey key, JwtClaims claims) {
    JsonWebSignature jws = jws(claims, AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setKey(key);
    return serialize(jws);
  }

  /** {@code alg: none}: header and payload, an empty signature. */
  public static String unsigned(JwtClaims claims) {
    JsonWebSignature jws = jws(claims, AlgorithmIdentifiers.NONE);
    jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
    return serialize(jws);
  }

  /** The same header and payload with one bit of the signature flipped. */
  public static String withAlteredSignature(String token) {
    int dot = token.lastIndexOf('.');
    byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    signature[signature.length / 2] ^= 0x01;
    return token.substring(0, dot + 1)
        + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
  }

  /** An RSA key generated for this test run, unknown to the server. */
  public static synchronized PrivateKey otherKey() {
    if (otherKey == null) {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        otherKey = generator.generateKeyPair().getPrivate();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return otherKey;
  }

  private static synchronized PrivateKey devKey() {
    if (devKey == null) {
      String file = System.getProperty(PRIVATE_KEY);
      if (file == null || file.isBlank()) {
        throw new IllegalStateException(
            "Set the system property " + PRIVATE_KEY + " to the dev private key (PKCS#8 PEM)");
      }
      try {
        String pem = Files.readString(Path.of(file));
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        devKey =
            KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Not a PKCS#8 RSA key: " + file, e);
      }
    }
    return devKey;
  }

  private static JsonWebSignature jws(JwtClaims claims, String algorithm) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(algorithm);
    jws.setHeader("typ", "JWT");
    return jws;
  }

  private static String serialize(JsonWebSignature jws) {
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }
}
