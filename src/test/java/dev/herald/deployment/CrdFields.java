package dev.herald.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A custom resource checked against the fields its CRD declares, for operators with no Java model
 * on Maven Central (CloudNativePG). The fields come from a list kept in test resources: path, type
 * ("map": any keys; "resources": Kubernetes' requests/limits) and allowed values.
 */
final class CrdFields {
  private record Field(String type, List<String> allowed) {}

  private final Map<String, Field> fields = new HashMap<>();

  CrdFields(String resource) throws IOException {
    try (InputStream in = CrdFields.class.getResourceAsStream(resource)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] parts = line.trim().split(" ");
          List<String> allowed = parts.length > 2 ? List.of(parts[2].split("\\|")) : List.of();
          fields.put(parts[0], new Field(parts[1], allowed));
        }
      }
    }
  }

  /** Every problem of the spec: unknown fields, wrong types, values not allowed. */
  List<String> problems(JsonNode spec) {
    List<String> problems = new ArrayList<>();
    check("spec", spec, problems);
    return problems;
  }

  private void check(String path, JsonNode node, List<String> problems) {
    Field field = fields.get(path);
    if (field == null) {
      problems.add("unknown field " + path);
      return;
    }
    if (!typeOf(node).equals(field.type()) && !isOpaque(field.type(), node)) {
      problems.add(path + " is " + typeOf(node) + ", the CRD wants " + field.type());
    }
    if (!field.allowed().isEmpty() && !field.allowed().contains(node.asText())) {
      problems.add(path + " = " + node.asText() + ", the CRD allows " + field.allowed());
    }
    if (field.type().equals("object")) {
      node.fields().forEachRemaining(e -> check(path + "." + e.getKey(), e.getValue(), problems));
    }
  }

  private static boolean isOpaque(String type, JsonNode node) {
    return (type.equals("map") || type.equals("resources")) && node.isObject();
  }

  private static String typeOf(JsonNode node) {
    if (node.isObject()) {
      return "object";
    }
    if (node.isArray()) {
      return "array";
    }
    if (node.isIntegralNumber()) {
      return "integer";
    }
    return node.isBoolean() ? "boolean" : "string";
  }
}
