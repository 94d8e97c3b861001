package dev.herald.signing.control;

import dev.herald.signing.entity.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.kafka.common.header.Header;

/** Signs what Herald publishes to herald.messages, always with the current key. */
@ApplicationScoped
public class RecordSigner {
  @Inject SigningKeys keys;

  /** A signer outside CDI (unit tests). */
  public static RecordSigner with(SigningKeys keys) {
    RecordSigner signer = new RecordSigner();
    signer.keys = keys;
    return signer;
  }

  /** The headers to publish a record with this key and value under. */
  public List<Header> headers(byte[] key, byte[] value) {
    SigningKey current = keys.current();
    return SignatureHeaders.of(current.id(), RecordSignature.of(current, key, value));
  }

  /** The id of the key records are signed with now. */
  public String keyId() {
    return keys.current().id();
  }
}
