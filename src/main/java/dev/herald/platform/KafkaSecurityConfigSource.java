package dev.herald.platform;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Hands {@link KafkaSecurity}'s settings to the liberty-kafka connector as connector-wide
 * properties ({@code mp.messaging.connector.liberty-kafka.security.protocol}, ...), so every
 * channel's producer and consumer has them. Ordinal 150: above microprofile-config.properties,
 * below environment variables, so {@code MP_MESSAGING_…} overrides still win.
 */
public class KafkaSecurityConfigSource implements ConfigSource {
  static final String PREFIX = "mp.messaging.connector.liberty-kafka.";

  private final Map<String, String> properties =
      KafkaSecurity.clientProperties().entrySet().stream()
          .collect(Collectors.toUnmodifiableMap(e -> PREFIX + e.getKey(), Map.Entry::getValue));

  @Override
  public Set<String> getPropertyNames() {
    return properties.keySet();
  }

  @Override
  public String getValue(String propertyName) {
    return properties.get(propertyName);
  }

  @Override
  public String getName() {
    return "herald-kafka-security";
  }

  @Override
  public int getOrdinal() {
    return 150;
  }
}
