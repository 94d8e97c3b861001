package dev.herald.bench;

import dev.herald.sending.control.EnvelopeCodec;
import dev.herald.sending.entity.MessageEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The message every part of the benchmark sends: one recipient, a short mixed-script body. */
final class Payloads {
  static final String BODY = "benchmark message — 안녕하세요, the meeting moved to 3 pm 🙂";

  /** The body's search text as the store builds it: Latin words, and the CJK run as bigrams. */
  static final String BODY_LATIN = "benchmark message — , the meeting moved to 3 pm";

  static final String BODY_GRAMS = "안녕 녕하 하세 세요";

  private Payloads() {}

  /** The record Herald would publish for such a request, as UTF-8. */
  static byte[] envelope(String sender, String conversationId, String recipient, String body) {
    return new EnvelopeCodec()
        .write(
            new MessageEnvelope(
                MessageEnvelope.VERSION,
                UUID.randomUUID(),
                conversationId,
                sender,
                List.of(recipient),
                null,
                body,
                Instant.now()))
        .getBytes(StandardCharsets.UTF_8);
  }
}
