package dev.herald.testing;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** Request bodies as a client writes them. */
public final class Requests {
  private Requests() {}

  public static JsonObjectBuilder message(List<String> to, String body) {
    return Json.createObjectBuilder().add("to", Json.createArrayBuilder(to)).add("body", body);
  }

  public static String send(List<String> to, String body) {
    return message(to, body).build().toString();
  }
}
