package dev.herald.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * Keeps the benchmark's output to its figures. The Kafka clients in this JVM (the plain producer,
 * the admin client) log their whole configuration at INFO through slf4j, whose binding on the test
 * class path is slf4j-jdk14, i.e. java.util.logging: warnings and errors only.
 */
final class QuietLogging {
  private static final String CONFIG =
      "handlers=java.util.logging.ConsoleHandler\n"
          + ".level=WARNING\n"
          + "java.util.logging.ConsoleHandler.level=WARNING\n";

  private QuietLogging() {}

  static void apply() {
    try {
      LogManager.getLogManager()
          .readConfiguration(new ByteArrayInputStream(CONFIG.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException("the logging configuration is a constant", e);
    }
  }
}
