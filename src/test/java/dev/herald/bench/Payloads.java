package dev.herald.bench;

import dev.herald.messages.control.EnvelopeCodec;
import dev.herald.messages.entity.MessageEnvelope;
import jakarta.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The message every part of the benchmark sends: one recipient, a short mixed-script body. */
final class Payloads {
  static final String BODY = "benchmark message — 안녕하세요, the meeting moved to 3 pm 🙂";

  private Payloads() {}

  static String request(String recipient, int n) {
    return Json.createObjectBuilder()
        .add("to", Json.createArrayBuilder(List.of(recipient)))
        .add("body", BODY + " #" + n)
        .build()
        .toString();
  }

  /** The record Herald would publish for such a request. */
  static String envelope(String run) {
    return new EnvelopeCodec()
        .write(
            new MessageEnvelope(
                MessageEnvelope.VERSION,
                UUID.randomUUID(),
                "dm-0123456789abcdef0123456789abcdef",
                "bench-" + run + "-0",
                List.of("bench-" + run + "-rcpt-0"),
                null,
                BODY + " #0",
                Instant.now()));
  }
}
