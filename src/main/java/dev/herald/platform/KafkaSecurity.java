package dev.herald.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The one place Kafka security settings come from, for every Kafka client Herald creates (the
 * connector's producers and consumer through {@link KafkaSecurityConfigSource}, the admin client
 * through {@link KafkaAdmin}): each client property below is read from the environment variable
 * {@code KAFKA_} + its name in upper case with {@code _} for {@code .} (e.g. {@code
 * KAFKA_SASL_JAAS_CONFIG}), else from the system property of the same name. Unset ones are left
 * out, so a broker without security needs nothing.
 */
public final class KafkaSecurity {
  static final List<String> PROPERTIES =
      List.of(
          "security.protocol",
          "sasl.mechanism",
          "sasl.jaas.config",
          "ssl.truststore.location",
          "ssl.truststore.password",
          "ssl.truststore.type",
          "ssl.truststore.certificates",
          "ssl.keystore.location",
          "ssl.keystore.password",
          "ssl.keystore.type",
          "ssl.key.password",
          "ssl.endpoint.identification.algorithm");

  private KafkaSecurity() {}

  /** The client properties set in this process's environment or system properties. */
  public static Map<String, String> clientProperties() {
    return clientProperties(
        name -> {
          String value = System.getenv(name);
          return value != null ? value : System.getProperty(name);
        });
  }

  /** The client properties whose settings {@code settings} (by variable name) has. */
  static Map<String, String> clientProperties(UnaryOperator<String> settings) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (String property : PROPERTIES) {
      String value = settings.apply(variable(property));
      if (value != null && !value.isBlank()) {
        properties.put(property, value.strip());
      }
    }
    return properties;
  }

  static String variable(String property) {
    return "KAFKA_" + property.toUpperCase(Locale.ROOT).replace('.', '_');
  }
}
