package dev.herald.bench;

import jakarta.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * HTTP/1.1 requests built once, before a phase: the generator only copies their bytes to sockets
 * (no JSON building, no string formatting per request). Request n is {@code bytes(n)}, sender n
 * modulo the tokens, recipient as the {@link Audience} says.
 */
final class Requests {
  private final byte[][] bytes;
  private final Audience audience;

  private Requests(byte[][] bytes, Audience audience) {
    this.bytes = bytes;
    this.audience = audience;
  }

  /** {@code count} distinct sends to {@code path}; the n-th reuses request n modulo count. */
  static Requests sends(URI base, String path, List<String> tokens, Audience audience, int count) {
    byte[][] bytes = new byte[count][];
    for (int n = 0; n < count; n++) {
      String body =
          Json.createObjectBuilder()
              .add("to", Json.createArrayBuilder().add(audience.recipient(n)))
              .add("body", Payloads.BODY + " #" + n)
              .build()
              .toString();
      bytes[n] = post(base, path, tokens.get(n % tokens.size()), body);
    }
    return new Requests(bytes, audience);
  }

  static byte[] post(URI base, String path, String token, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: "
            + base.getHost()
            + ':'
            + base.getPort()
            + "\r\nAuthorization: Bearer "
            + token
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    byte[] head8 = head.getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[head8.length + body.length];
    System.arraycopy(head8, 0, request, 0, head8.length);
    System.arraycopy(body, 0, request, head8.length, body.length);
    return request;
  }

  byte[] bytes(long n) {
    return bytes[(int) (n % bytes.length)];
  }

  /** Whether the n-th send goes to a probe recipient. */
  boolean probed(long n) {
    return audience.probed((int) (n % bytes.length));
  }

  Audience audience() {
    return audience;
  }
}
