package dev.herald.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The settings Herald reads, by their environment variable names, from the project's sources:
 * server.xml variables (Liberty maps {@code http.port} to HTTP_PORT), MicroProfile Config keys
 * (microprofile-config.properties, {@code @ConfigProperty} and {@code Config} look-ups; MP Config
 * maps {@code herald.email.host} to HERALD_EMAIL_HOST), and the MP JWT keys Liberty reads.
 */
final class HeraldSettings {
  private static final Path SERVER_XML = Path.of("liberty-config/server.xml");
  private static final Path PROPERTIES =
      Path.of("src/main/resources/META-INF/microprofile-config.properties");
  private static final Pattern SERVER_VARIABLE =
      Pattern.compile("<variable name=\"([^\"]+)\"|\\$\\{([A-Za-z0-9_.]+)}");
  private static final Pattern PROPERTY = Pattern.compile("(?m)^([a-z][\\w.-]+)=|\\$\\{(\\w+)");
  private static final Pattern JAVA_KEY =
      Pattern.compile(
          "@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"|get(?:Optional)?Value\\(\\s*\"([^\"]+)\""
              + "|getenv\\(\"([^\"]+)\"\\)");
  private static final Set<String> MP_JWT =
      Set.of(
          "mp.jwt.verify.publickey.location",
          "mp.jwt.verify.publickey",
          "mp.jwt.verify.publickey.algorithm",
          "mp.jwt.verify.issuer",
          "mp.jwt.verify.audiences",
          "mp.jwt.token.header",
          "mp.jwt.token.cookie",
          "mp.jwt.decrypt.key.location");

  private HeraldSettings() {}

  static Set<String> environmentNames() throws IOException {
    Set<String> names = new TreeSet<>();
    collect(SERVER_XML, SERVER_VARIABLE, names);
    collect(PROPERTIES, PROPERTY, names);
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      sources
          .filter(file -> file.toString().endsWith(".java"))
          .forEach(file -> collect(file, JAVA_KEY, names));
    }
    MP_JWT.forEach(key -> names.add(environmentName(key)));
    return names;
  }

  /** The HTTP and HTTPS ports: server.xml's defaults for http.port and https.port. */
  static Set<Integer> ports() {
    try {
      String xml = Files.readString(SERVER_XML);
      return Set.of(defaultOf(xml, "http.port"), defaultOf(xml, "https.port"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** MicroProfile Config's and Liberty's mapping: non-alphanumerics to _, upper case. */
  static String environmentName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  private static int defaultOf(String xml, String variable) {
    Matcher matcher =
        Pattern.compile(
                "<variable name=\"" + Pattern.quote(variable) + "\" defaultValue=\"(\\d+)\"")
            .matcher(xml);
    if (!matcher.find()) {
      throw new IllegalStateException("server.xml has no default for " + variable);
    }
    return Integer.parseInt(matcher.group(1));
  }

  private static void collect(Path file, Pattern pattern, Set<String> names) {
    try {
      Matcher matcher = pattern.matcher(Files.readString(file));
      while (matcher.find()) {
        for (int group = 1; group <= matcher.groupCount(); group++) {
          if (matcher.group(group) != null) {
            names.add(environmentName(matcher.group(group)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
