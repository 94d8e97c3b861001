package dev.herald.signing.control;

import dev.herald.deadletters.control.RecordRejection;
import dev.herald.deadletters.entity.RejectReason;
import dev.herald.signing.entity.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.Headers;

/**
 * Lets through only records signed by Herald with a key it accepts (current or previous). A record
 * with neither header is UNSIGNED; one whose key id is unknown or retired, whose signature is
 * missing or malformed, or whose key or value changed after signing is BAD_SIGNATURE.
 */
@ApplicationScoped
public class RecordVerifier {
  @Inject SigningKeys keys;

  /** A verifier outside CDI (unit tests). */
  public static RecordVerifier with(SigningKeys keys) {
    RecordVerifier verifier = new RecordVerifier();
    verifier.keys = keys;
    return verifier;
  }

  /** Returns the id of the key that verified the record, or throws the rejection. */
  public String verify(byte[] key, byte[] value, Headers headers) {
    SignatureHeaders.Claimed claimed = SignatureHeaders.read(headers);
    if (claimed.absent()) {
      throw new RecordRejection(RejectReason.UNSIGNED, "The record carries no signature.");
    }
    String keyId = claimed.keyId().orElseThrow(() -> bad("The record names no signing key."));
    SigningKey signingKey = keys.accepted(keyId).orElseThrow(() -> bad(notAccepted(keyId)));
    byte[] signature = claimed.signature().orElseThrow(() -> bad("The signature is missing."));
    if (!RecordSignature.matches(signingKey, key, value, signature)) {
      throw bad("The signature does not match the record's key and value.");
    }
    return keyId;
  }

  /** Names the key (a rotation left behind) only if it looks like a key id: it is untrusted. */
  private static String notAccepted(String keyId) {
    return SigningKey.ID.matcher(keyId).matches()
        ? "The record is signed with key " + keyId + ", which is not accepted here."
        : "The record is signed with a key not accepted here.";
  }

  private static RecordRejection bad(String detail) {
    return new RecordRejection(RejectReason.BAD_SIGNATURE, detail);
  }
}
