package dev.herald.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables Herald reads, found where they are declared: server.xml variables, the
 * keys and ${NAME:default} references of microprofile-config.properties, the @ConfigProperty names
 * in the code, and MicroProfile JWT's own settings (read by Liberty's mpJwt feature). A setting's
 * variable is its name in upper case with every other character an underscore, as MicroProfile
 * Config maps them.
 */
final class HeraldSettings {
  static final Set<String> MP_JWT =
      Set.of("mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer", "mp.jwt.verify.audiences");
  private static final Pattern VARIABLE = Pattern.compile("<variable name=\"([^\"]+)\"");
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+):");
  private static final Pattern CONFIG_PROPERTY =
      Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");

  private HeraldSettings() {}

  static Set<String> environmentVariables() throws IOException {
    Set<String> names = new HashSet<>(MP_JWT);
    names.addAll(matches(Files.readString(Path.of("liberty-config/server.xml")), VARIABLE));
    String properties =
        Files.readString(Path.of("src/main/resources/META-INF/microprofile-config.properties"));
    names.addAll(matches(properties, REFERENCE));
    properties
        .lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .forEach(line -> names.add(line.substring(0, line.indexOf('=')).trim()));
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source :
          (Iterable<Path>) sources.filter(p -> p.toString().endsWith(".java"))::iterator) {
        names.addAll(matches(Files.readString(source), CONFIG_PROPERTY));
      }
    }
    Set<String> variables = new HashSet<>();
    names.forEach(name -> variables.add(variableOf(name)));
    return variables;
  }

  static String variableOf(String setting) {
    return setting.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  private static Set<String> matches(String text, Pattern pattern) {
    Set<String> found = new HashSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
