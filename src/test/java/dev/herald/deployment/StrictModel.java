package dev.herald.deployment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a manifest into its model class (fabric8 Kubernetes, Strimzi) and fails on any field the
 * model does not have. Jackson alone would not: both models keep unknown fields in an
 * "additionalProperties" map instead of refusing them, so every object read is searched for one
 * that is not empty.
 */
final class StrictModel {
  static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private StrictModel() {}

  static <T extends HasMetadata> T read(JsonNode manifest, Class<T> type) {
    Set<String> versions = apiVersions(type);
    if (!versions.contains(manifest.path("apiVersion").asText())) {
      throw new IllegalArgumentException(
          type.getSimpleName() + " is one of " + versions + ", not " + manifest.get("apiVersion"));
    }
    try {
      T read = YAML.treeToValue(manifest, type);
      refuseUnknown(read, type.getSimpleName());
      return read;
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** The group and the versions the model declares (Strimzi's serve several). */
  static Set<String> apiVersions(Class<?> type) {
    try {
      List<?> versions = (List<?>) type.getField("VERSIONS").get(null);
      return versions.stream()
          .map(v -> HasMetadata.getGroup(type) + "/" + v)
          .collect(Collectors.toSet());
    } catch (NoSuchFieldException e) {
      return Set.of(HasMetadata.getApiVersion(type));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Walks the model's getters; an object whose additionalProperties hold anything fails. */
  static void refuseUnknown(Object value, String path) {
    if (path.chars().filter(c -> c == '.').count() > 40) {
      throw new IllegalStateException("the model nests deeper than any manifest: " + path);
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        refuseUnknown(item, path + "[" + i++ + "]");
      }
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> refuseUnknown(item, path + "." + key));
    } else if (value != null && isModel(value.getClass())) {
      for (Method getter : value.getClass().getMethods()) {
        if (isGetter(getter)) {
          Object property = get(getter, value);
          if (getter.getName().equals("getAdditionalProperties")) {
            if (property instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
              throw new IllegalArgumentException(
                  "unknown field(s) at " + path + ": " + unknown.keySet());
            }
          } else {
            refuseUnknown(property, path + "." + property(getter));
          }
        }
      }
    }
  }

  private static boolean isModel(Class<?> type) {
    String name = type.getName();
    return !type.isEnum()
        && (name.startsWith("io.fabric8.kubernetes.api.model.")
            || name.startsWith("io.strimzi.api."));
  }

  private static boolean isGetter(Method method) {
    return method.getParameterCount() == 0
        && !Modifier.isStatic(method.getModifiers())
        && method.getName().startsWith("get")
        && !method.getName().equals("getClass")
        && method.getDeclaringClass() != Object.class;
  }

  private static Object get(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(getter + ": " + e.getCause(), e);
    }
  }

  private static String property(Method getter) {
    String name = getter.getName().substring(3);
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
