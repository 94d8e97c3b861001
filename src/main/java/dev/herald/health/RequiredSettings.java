package dev.herald.health;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * Settings without which Herald would answer every request 401 and say nothing: the token issuer's
 * key and name, and the keystore password (Liberty's mpJwt verifies nothing without a keystore).
 * Each missing one is an error line naming its environment variable when the application starts,
 * and keeps the instance neither started nor ready.
 */
@Startup
@Readiness
@ApplicationScoped
public class RequiredSettings implements HealthCheck {
  private static final Logger LOG = Logger.getLogger(RequiredSettings.class.getName());

  @Inject Config config;

  private volatile List<String> problems = List.of();

  /** First of the start-up observers: before the schema migration, which may wait for minutes. */
  void check(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object started) {
    problems = problems(name -> config.getOptionalValue(name, String.class));
    problems.forEach(problem -> LOG.severe("Herald is misconfigured: " + problem));
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("configuration").status(problems.isEmpty());
    for (int i = 0; i < problems.size(); i++) {
      response.withData("problem" + (i + 1), problems.get(i));
    }
    return response.build();
  }

  /** What is wrong, one sentence per setting, each naming its environment variable. */
  static List<String> problems(Function<String, Optional<String>> settings) {
    List<String> problems = new ArrayList<>();
    Optional<String> key = settings.apply("mp.jwt.verify.publickey.location");
    if (key.isEmpty() && settings.apply("mp.jwt.verify.publickey").isEmpty()) {
      problems.add(
          "MP_JWT_VERIFY_PUBLICKEY_LOCATION is not set: the token issuer's public key (PEM or JWKS,"
              + " file or URL) is required, without it every request is refused with 401");
    } else {
      key.flatMap(RequiredSettings::fileProblem).ifPresent(problems::add);
    }
    if (settings.apply("mp.jwt.verify.issuer").isEmpty()) {
      problems.add(
          "MP_JWT_VERIFY_ISSUER is not set: the issuer (iss) that tokens must name is required");
    }
    if (settings.apply("KEYSTORE_PASSWORD").isEmpty()) {
      problems.add(
          "KEYSTORE_PASSWORD is not set: Liberty verifies no token without a keystore (and serves"
              + " no HTTPS); set it, and KEYSTORE_PATH for your own keystore");
    }
    return List.copyOf(problems);
  }

  /** What is wrong with a file: URL (other locations are URLs or class path resources). */
  private static Optional<String> fileProblem(String location) {
    if (!location.startsWith("file:")) {
      return Optional.empty();
    }
    Path file;
    try {
      file = Path.of(URI.create(location));
    } catch (IllegalArgumentException | FileSystemNotFoundException notAFileUrl) {
      return Optional.of(
          "MP_JWT_VERIFY_PUBLICKEY_LOCATION is not a file URL Liberty can read ("
              + location
              + "): write file:/absolute/path/key.pem, spaces as %20");
    }
    return Files.exists(file)
        ? Optional.empty()
        : Optional.of(
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION names "
                + file
                + ", which does not exist: every request would be refused with 401");
  }
}
