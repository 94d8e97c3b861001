package dev.herald.sending.control;

import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The value serializer of the messages-out channel. It refuses a send the API has withdrawn. The
 * refusal is an {@link ApiException} on purpose: the producer reports those through the send's
 * callback (the message is nacked), while any other exception escapes {@code send()} and shuts the
 * liberty-kafka outgoing channel down for good.
 */
public class PendingSendSerializer implements Serializer<PendingSend> {
  @Override
  public byte[] serialize(String topic, PendingSend send) {
    if (send == null) {
      return null;
    }
    if (!send.handOver()) {
      throw new Withdrawn();
    }
    return send.value();
  }

  /** The API answered before the producer took the record. */
  static final class Withdrawn extends ApiException {
    private static final long serialVersionUID = 1L;

    Withdrawn() {
      super("the send was withdrawn before the producer took it");
    }
  }
}
