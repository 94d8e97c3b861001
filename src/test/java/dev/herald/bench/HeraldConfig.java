package dev.herald.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Herald's own settings, read from the application's microprofile-config.properties (on the test
 * class path), so that the plain baselines use exactly what Herald uses and say so.
 */
final class HeraldConfig {
  static final String PRODUCER = "mp.messaging.outgoing.messages-out.";

  /** The connector's own keys and what the plain producer must set differently. */
  private static final Set<String> NOT_PRODUCER =
      Set.of("connector", "topic", "key.serializer", "value.serializer", "client.id");

  private final Properties properties;

  HeraldConfig(Properties properties) {
    this.properties = properties;
  }

  static HeraldConfig load() {
    Properties properties = new Properties();
    try (InputStream in =
        HeraldConfig.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
      if (in == null) {
        throw new IllegalStateException("microprofile-config.properties is not on the class path");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new HeraldConfig(properties);
  }

  /** The Kafka producer settings of the messages-out channel, sorted by name. */
  Map<String, String> producer() {
    Map<String, String> settings = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith(PRODUCER) && !NOT_PRODUCER.contains(name.substring(PRODUCER.length()))) {
        settings.put(name.substring(PRODUCER.length()), properties.getProperty(name));
      }
    }
    return settings;
  }

  /** The most records the store takes into one transaction (its default when not configured). */
  int storeBatchSize() {
    return Integer.parseInt(properties.getProperty("herald.store.batch-size", "500"));
  }
}
