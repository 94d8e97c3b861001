package dev.herald.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The committed API contract, META-INF/openapi.yaml, as a JSON tree. */
public final class OpenApiSpec {
  public static final String RESOURCE = "META-INF/openapi.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private OpenApiSpec() {}

  public static JsonNode committed() {
    try (InputStream in = OpenApiSpec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** YAML or JSON text (JSON is YAML) as a tree. */
  public static JsonNode parse(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The node a local {@code $ref} points to, or the node itself. */
  static JsonNode resolve(JsonNode spec, JsonNode node) {
    JsonNode ref = node.get("$ref");
    return ref == null ? node : spec.at(ref.asText().substring(1));
  }
}
