package dev.herald.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** An HTTP answer: status, headers and body, with the body readable as JSON. */
public record Reply(int status, HttpHeaders headers, String body) {

  public JsonObject json() {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  public String contentType() {
    return headers.firstValue("Content-Type").orElse("");
  }

  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  @Override
  public String toString() {
    return status + " " + contentType() + " " + body;
  }
}
